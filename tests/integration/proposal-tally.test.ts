// The manager's list keeps each program's tally (counts by state, the community filter's choices) and the number of
// proposals each set of filters matches in memory under program.proposal_tally_revision, which database triggers
// bump (migrations 15 and 17). These tests change proposals the ways the portal does and check that the revision
// moves exactly when a count can change, and that the list never shows a stale count.
import { beforeAll, describe, expect, test } from "vitest";
import { loader as listLoader } from "~/features/proposals/manage-proposals.route";
import { db } from "~/lib/db.server";
import { createApplicant, createManager, createOrganization, createProgram, createProposal } from "../factories";
import { programTallyRevision } from "../support/program-tally";
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

const revision = (id = programId) => programTallyRevision(id);

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
    const before = await revision();
    const proposal = await handInProposal("幸福社区");
    // The proposal, and the target groups it was handed in with (migration 17).
    const start = await revision();
    expect(start).toBeGreaterThan(before);

    await proposalOf(proposal.id).set({ summary: "只改摘要", updatedAt: new Date().toISOString() }).execute();
    await proposalOf(proposal.id).set({ status: "submitted", title: proposal.title }).execute();
    expect(await revision(), "a summary, a timestamp, or a state and title set to what they were").toBe(start);

    await proposalOf(proposal.id).set({ status: "returned" }).execute();
    expect(await revision()).toBe(start + 1);
    await proposalOf(proposal.id).set({ serviceCommunity: "南七社区" }).execute();
    expect(await revision()).toBe(start + 2);
    await proposalOf(proposal.id).set({ submittedAt: null, status: "draft" }).execute();
    expect(await revision(), "taken back to a draft: no longer counted").toBe(start + 3);
    await proposalOf(proposal.id).set({ serviceCommunity: "稻香村社区" }).execute();
    expect(await revision(), "a change to what is now a draft").toBe(start + 3);

    await proposalOf(proposal.id).set({ submittedAt: new Date().toISOString(), status: "submitted" }).execute();
    const otherStart = await revision(otherProgramId);
    await proposalOf(proposal.id).set({ programId: otherProgramId }).execute();
    expect(await revision(), "moved out of the program").toBe(start + 5);
    expect(await revision(otherProgramId), "moved into the other one").toBe(otherStart + 1);

    await db().deleteFrom("proposal").where("id", "=", proposal.id).execute();
    expect(await revision(otherProgramId)).toBe(otherStart + 2);
  });

  test("what the filters read moves it: title, organisation, focus area, target groups, organisation name", async () => {
    const proposal = await handInProposal("幸福社区");
    const draft = await createProposal(db(), { programId, organizationId, createdBy: applicantId });
    const [category] = await db()
      .selectFrom("programCategory")
      .select("id")
      .where("programId", "=", programId)
      .orderBy("id", "desc")
      .limit(1)
      .execute();
    const otherOrganization = await createOrganization(db());
    const start = await revision();

    await proposalOf(proposal.id).set({ title: "结对探访·独居老人" }).execute();
    expect(await revision(), "title").toBe(start + 1);
    await proposalOf(proposal.id).set({ organizationId: otherOrganization.id }).execute();
    expect(await revision(), "organisation").toBe(start + 2);
    await proposalOf(proposal.id).set({ programCategoryId: category!.id }).execute();
    expect(await revision(), "focus area").toBe(start + 3);
    await db().deleteFrom("proposalTargetGroup").where("proposalId", "=", proposal.id).execute();
    expect(await revision(), "target groups dropped").toBeGreaterThan(start + 3);
    const dropped = await revision();
    const [group] = await db()
      .selectFrom("programTargetGroup")
      .select("id")
      .where("programId", "=", programId)
      .execute();
    await db()
      .insertInto("proposalTargetGroup")
      .values({ proposalId: proposal.id, programTargetGroupId: group!.id })
      .execute();
    expect(await revision(), "a target group chosen").toBe(dropped + 1);
    const renameOtherOrganization = (name: string) =>
      db().updateTable("organization").set({ name }).where("id", "=", otherOrganization.id).execute();
    await renameOtherOrganization("改名后的志愿服务队");
    expect(await revision(), "the organisation renamed").toBe(dropped + 2);
    await renameOtherOrganization("改名后的志愿服务队");
    expect(await revision(), "renamed to the same name").toBe(dropped + 2);

    await proposalOf(draft.id).set({ title: "草稿改标题" }).execute();
    await db().deleteFrom("proposalTargetGroup").where("proposalId", "=", draft.id).execute();
    expect(await revision(), "a draft's title and target groups").toBe(dropped + 2);
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

describe("the number of proposals the filters match", () => {
  async function matching(query: string): Promise<number> {
    const result = await callRoute<{ page: { total: number } }>(
      listLoader,
      `/manage/programs/${programId}/proposals?${query}`,
      { userId: managerId, params: { programId: String(programId) } },
    );
    expect(result.status).toBe(200);
    return result.data.page.total;
  }

  test("follows every change to what the filters read, though it is kept between page views", async () => {
    const searched = "q=%E7%A4%BE%E5%8C%BA%E9%93%B6%E9%BE%84"; // q=社区银龄
    const [category] = await db()
      .selectFrom("programCategory")
      .select("id")
      .where("programId", "=", programId)
      .execute();
    const byFocusArea = `focusArea=${category!.id}&q=%E7%A4%BE%E5%8C%BA%E9%93%B6%E9%BE%84`;
    const before = await matching(searched);
    const proposal = await handInProposal("幸福社区");
    expect(await matching(searched), "handed in with another title").toBe(before);
    await proposalOf(proposal.id).set({ title: "社区银龄互助" }).execute();
    expect(await matching(searched), "its title now matches").toBe(before + 1);
    expect(await matching(searched), "a second view without changes").toBe(before + 1);

    const viaFocusArea = await matching(byFocusArea);
    await proposalOf(proposal.id).set({ programCategoryId: null }).execute();
    expect(await matching(byFocusArea), "moved out of the focus area").toBe(viaFocusArea - 1);

    await proposalOf(proposal.id).set({ title: "另一个项目" }).execute();
    expect(await matching(searched)).toBe(before);
    await db().updateTable("organization").set({ name: "社区银龄服务社" }).where("id", "=", organizationId).execute();
    const handedInOfOrganization = await db()
      .selectFrom("proposal")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("programId", "=", programId)
      .where("organizationId", "=", organizationId)
      .where("submittedAt", "is not", null)
      .executeTakeFirstOrThrow();
    expect(await matching(searched), "its organisation renamed to match").toBe(
      before + Number(handedInOfOrganization.n),
    );
  });
});
