// The manager's list keeps each program's tally (counts by state, the community filter's choices) in memory under
// program.proposal_tally_revision, which database triggers bump (migration 15). These tests change proposals the
// ways the portal does and check that the revision moves exactly when the tally changes, and that the list never
// shows a stale tally.
import { beforeAll, describe, expect, test } from "vitest";
import { loader as listLoader } from "~/features/proposals/manage-proposals.route";
import { db } from "~/lib/db.server";
import { createApplicant, createManager, createOrganization, createProgram, createProposal } from "../factories";
import { callRoute } from "../support/routes";

let managerId: number;
let programId: number;
let otherProgramId: number;
let organizationId: number;
let applicantId: number;

beforeAll(async () => {
  const { user, funderId } = await createManager(db());
  managerId = user.id;
  programId = (await createProgram(db(), { funderId })).id;
  otherProgramId = (await createProgram(db(), { funderId })).id;
  organizationId = (await createOrganization(db())).id;
  applicantId = (await createApplicant(db(), { organizationId })).user.id;
});

async function revision(id = programId): Promise<number> {
  const row = await db()
    .selectFrom("program")
    .select("proposalTallyRevision")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return row.proposalTallyRevision;
}

async function listTally() {
  const result = await callRoute<{ counts: Record<string, number>; communities: string[] }>(
    listLoader,
    `/manage/programs/${programId}/proposals`,
    { userId: managerId, params: { programId: String(programId) } },
  );
  expect(result.status).toBe(200);
  return { counts: result.data.counts, communities: result.data.communities };
}

const proposalOf = (id: number) => db().updateTable("proposal").where("id", "=", id);

const handInProposal = (serviceCommunity: string) =>
  createProposal(db(), {
    programId,
    organizationId,
    createdBy: applicantId,
    status: "submitted",
    content: { serviceCommunity },
  });

describe("program.proposal_tally_revision", () => {
  test("drafts never handed in do not move it, whatever changes", async () => {
    const before = await revision();
    const draft = await createProposal(db(), { programId, organizationId, createdBy: applicantId });
    await proposalOf(draft.id).set({ serviceCommunity: "稻香村社区", title: "改过的标题" }).execute();
    await db().deleteFrom("proposal").where("id", "=", draft.id).execute();
    expect(await revision()).toBe(before);
  });

  test("handing in, changing state or community, and deleting move it; other columns do not", async () => {
    const start = await revision();
    const proposal = await handInProposal("幸福社区");
    expect(await revision()).toBe(start + 1);

    await proposalOf(proposal.id).set({ title: "只改标题", updatedAt: new Date().toISOString() }).execute();
    await proposalOf(proposal.id).set({ status: "submitted" }).execute();
    expect(await revision(), "a title, a timestamp, or a state set to what it was").toBe(start + 1);

    await proposalOf(proposal.id).set({ status: "returned" }).execute();
    expect(await revision()).toBe(start + 2);
    await proposalOf(proposal.id).set({ serviceCommunity: "南七社区" }).execute();
    expect(await revision()).toBe(start + 3);
    await proposalOf(proposal.id).set({ submittedAt: null, status: "draft" }).execute();
    expect(await revision(), "taken back to a draft: no longer counted").toBe(start + 4);
    await proposalOf(proposal.id).set({ serviceCommunity: "稻香村社区" }).execute();
    expect(await revision(), "a change to what is now a draft").toBe(start + 4);

    await proposalOf(proposal.id).set({ submittedAt: new Date().toISOString(), status: "submitted" }).execute();
    const otherStart = await revision(otherProgramId);
    await proposalOf(proposal.id).set({ programId: otherProgramId }).execute();
    expect(await revision(), "moved out of the program").toBe(start + 6);
    expect(await revision(otherProgramId), "moved into the other one").toBe(otherStart + 1);

    await db().deleteFrom("proposal").where("id", "=", proposal.id).execute();
    expect(await revision(otherProgramId)).toBe(otherStart + 2);
  });
});

describe("the list's tally", () => {
  test("follows every change, though it is kept between page views", async () => {
    const first = await handInProposal("幸福社区");
    const before = await listTally();
    expect(await listTally(), "a second view without changes").toEqual(before);

    await proposalOf(first.id).set({ status: "eligible" }).execute();
    const screened = await listTally();
    expect(screened.counts.eligible).toBe((before.counts.eligible ?? 0) + 1);
    expect(screened.counts.submitted ?? 0).toBe((before.counts.submitted ?? 0) - 1);

    await proposalOf(first.id).set({ serviceCommunity: "蜀山新村社区" }).execute();
    expect((await listTally()).communities).toContain("蜀山新村社区");

    await db().deleteFrom("proposal").where("id", "=", first.id).execute();
    const after = await listTally();
    expect(after.counts.eligible ?? 0).toBe(before.counts.eligible ?? 0);
    expect(after.communities).not.toContain("蜀山新村社区");
  });
});
