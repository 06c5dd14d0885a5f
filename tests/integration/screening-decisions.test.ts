// Screening a submitted proposal from the manager's proposal page: each decision is one transaction that changes the
// status, records the decision with its reason or comment and an audit event, and emails the applicant's members;
// a decision the state does not allow writes nothing; a returned proposal comes back as version 2 and the manager
// sees what changed. The page, its actions and the printable form are closed to everyone outside.
import { beforeAll, describe, expect, test } from "vitest";
import { action as pageAction, loader as pageLoader } from "~/features/proposals/manage-proposal.route";
import { loader as printLoader } from "~/features/proposals/proposal-print.route";
import { findLatestScreening } from "~/features/proposals/screening.server";
import { loadProposal, saveDraft, submitProposal } from "~/features/proposals/proposals.server";
import type { VersionDiff } from "~/features/proposals/version-diff";
import { db } from "~/lib/db.server";
import {
  addOrganizationMember,
  createApplicant,
  createManager,
  createProgram,
  createProposal,
  createUser,
} from "../factories";
import { callRoute } from "../support/routes";

let programId: number;
let funderManagerId: number;
let otherManagerId: number;
let adminId: number;
let organizationId: number;
let ownerId: number;
let ownerEmail: string;
let memberEmail: string;
let outsiderId: number;

beforeAll(async () => {
  const { user: manager, funderId } = await createManager(db());
  funderManagerId = manager.id;
  otherManagerId = (await createManager(db())).user.id;
  adminId = (await createUser(db(), { isPlatformAdmin: true })).id;
  programId = (await createProgram(db(), { funderId })).id;
  const owner = await createApplicant(db(), { email: "owner@xingfu.example.cn" });
  organizationId = owner.organizationId;
  ownerId = owner.user.id;
  ownerEmail = owner.user.email;
  const member = await createUser(db(), { email: "member@xingfu.example.cn" });
  memberEmail = member.email;
  await addOrganizationMember(db(), organizationId, member.id, "member");
  outsiderId = (await createApplicant(db())).user.id;
});

async function submittedProposal(status = "submitted") {
  return createProposal(db(), { programId, organizationId, createdBy: ownerId, status });
}

const pagePath = (id: number) => `/manage/proposals/${id}`;

async function screen(proposalId: number, form: Record<string, string>, userId = funderManagerId) {
  return callRoute(pageAction, pagePath(proposalId), { userId, params: { proposalId: String(proposalId) }, form });
}

async function page(proposalId: number, userId = funderManagerId) {
  return callRoute(pageLoader, pagePath(proposalId), { userId, params: { proposalId: String(proposalId) } });
}

async function print(proposalId: number, userId: number) {
  return callRoute(printLoader, `/proposals/${proposalId}/print`, {
    userId,
    params: { proposalId: String(proposalId) },
  });
}

async function snapshotOfWrites(proposalId: number) {
  const [proposal, screenings, audit, outbox] = await Promise.all([
    db().selectFrom("proposal").select(["status", "updatedAt"]).where("id", "=", proposalId).executeTakeFirstOrThrow(),
    db()
      .selectFrom("proposalScreening")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    db()
      .selectFrom("auditEvent")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    db()
      .selectFrom("outboxMessage")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { ...proposal, screenings: Number(screenings.n), audit: Number(audit.n), outbox: Number(outbox.n) };
}

async function emailsAbout(number: string) {
  return db()
    .selectFrom("outboxMessage")
    .select(["recipient", "subject", "body"])
    .where("subject", "like", `%${number}%`)
    .orderBy("id")
    .execute();
}

async function auditOf(proposalId: number) {
  return db()
    .selectFrom("auditEvent")
    .select(["action", "actorUserId", "before", "after"])
    .where("entityType", "=", "proposal")
    .where("entityId", "=", proposalId)
    .orderBy("id", "desc")
    .execute();
}

describe("screening decisions", () => {
  test("eligible: the status changes, the decision and an audit event are recorded, every member is told", async () => {
    const proposal = await submittedProposal();
    const result = await screen(proposal.id, { intent: "eligible", comment: "" });
    expect(result.status).toBe(302);
    expect(result.location).toBe(pagePath(proposal.id));
    const after = await db()
      .selectFrom("proposal")
      .select("status")
      .where("id", "=", proposal.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe("eligible");
    expect(await findLatestScreening(proposal.id)).toMatchObject({ decision: "eligible", comment: "", version: 1 });
    const [event] = await auditOf(proposal.id);
    expect(event).toMatchObject({ action: "proposal.marked_eligible", actorUserId: funderManagerId });
    expect(JSON.parse(event?.before ?? "{}")).toEqual({ status: "submitted" });
    const emails = await emailsAbout(proposal.number ?? "");
    expect(emails.map((email) => email.recipient).sort()).toEqual([memberEmail, ownerEmail].sort());
    expect(emails[0]?.subject).toContain("资格审查通过");
  });

  test("ineligible needs a reason: without one it is refused next to the field and nothing is written", async () => {
    const proposal = await submittedProposal();
    const before = await snapshotOfWrites(proposal.id);
    const result = await screen(proposal.id, { intent: "ineligible", comment: "   " });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ intent: "ineligible", fieldErrors: { comment: "请填写不通过的原因。" } });
    expect(await snapshotOfWrites(proposal.id)).toEqual(before);
  });

  test("ineligible with a reason: the reason is stored, emailed and given to the applicant's pages", async () => {
    const proposal = await submittedProposal();
    const reason = "申报主体未在街道备案满一年，不符合本项目申报条件。";
    const result = await screen(proposal.id, { intent: "ineligible", comment: `  ${reason} ` });
    expect(result.status).toBe(302);
    expect(
      (await db().selectFrom("proposal").select("status").where("id", "=", proposal.id).executeTakeFirstOrThrow())
        .status,
    ).toBe("ineligible");
    expect(await findLatestScreening(proposal.id)).toMatchObject({ decision: "ineligible", comment: reason });
    const emails = await emailsAbout(proposal.number ?? "");
    expect(emails).toHaveLength(2);
    for (const email of emails) {
      expect(email.subject).toContain("资格审查未通过");
      expect(email.body).toContain(reason);
      expect(email.body).toContain(`/proposals/${proposal.id}`);
    }
    expect((await auditOf(proposal.id))[0]?.action).toBe("proposal.marked_ineligible");
  });

  test("a decision the state does not allow is refused with a clear message, and nothing is written", async () => {
    const proposal = await submittedProposal("eligible");
    const before = await snapshotOfWrites(proposal.id);
    for (const intent of ["eligible", "ineligible", "returned"]) {
      const result = await screen(proposal.id, { intent, comment: "请补充材料。" });
      expect(result.status).toBe(409);
      expect(result.data).toMatchObject({ intent, formError: expect.stringContaining("资格审查通过") });
    }
    expect(await snapshotOfWrites(proposal.id)).toEqual(before);
  });

  test("an unknown intent is a bad request that changes nothing", async () => {
    const proposal = await submittedProposal();
    const before = await snapshotOfWrites(proposal.id);
    const result = await screen(proposal.id, { intent: "award" });
    expect(result.status).toBe(400);
    expect(await snapshotOfWrites(proposal.id)).toEqual(before);
  });
});

describe("returned for revision, resubmitted as version 2", () => {
  test("the comment reaches the applicant; the resubmission shows the manager what changed; then it is eligible", async () => {
    // An organisation of its own: the others here are at the program's limit of proposals per organisation.
    const applicant = await createApplicant(db());
    const proposal = await createProposal(db(), {
      programId,
      organizationId: applicant.organizationId,
      createdBy: applicant.user.id,
      status: "submitted",
    });
    const comment = "请补充志愿者保险的测算依据，并将活动物资数量调整为实际需要。";
    expect((await screen(proposal.id, { intent: "returned", comment })).status).toBe(302);
    expect(
      (await db().selectFrom("proposal").select("status").where("id", "=", proposal.id).executeTakeFirstOrThrow())
        .status,
    ).toBe("returned");
    const emails = await emailsAbout(proposal.number ?? "");
    expect(emails.map((email) => email.recipient)).toEqual([applicant.user.email]);
    expect(emails.every((email) => email.subject.includes("退回修改") && email.body.includes(comment))).toBe(true);

    // While the applicant revises, the manager still reads version 1 as submitted.
    const loaded = await loadProposal(proposal.id, { withRevision: true });
    if (!loaded) throw new Error("proposal vanished");
    const lines = [...loaded.content.budgetLines];
    const [firstLine] = lines;
    if (!firstLine) throw new Error("no budget line");
    lines[0] = { ...firstLine, quantityHundredths: 3_000 };
    const revised = { ...loaded.content, title: `${loaded.content.title}（修订）`, budgetLines: lines };
    expect(
      (await saveDraft({ proposalId: proposal.id, userId: applicant.user.id, content: revised, audit: true })).ok,
    ).toBe(true);
    const during = await page(proposal.id);
    expect(during.data.snapshot.title).toBe(loaded.content.title);

    const resubmitted = await submitProposal({
      proposalId: proposal.id,
      user: { id: applicant.user.id, email: applicant.user.email },
      composeReceipt: (facts) => ({ subject: `回执 ${facts.number}`, text: "已收到" }),
    });
    expect(resubmitted).toMatchObject({ ok: true, version: 2 });

    const after = await page(proposal.id);
    expect(after.status).toBe(200);
    expect(after.data.snapshot.title).toBe(`${loaded.content.title}（修订）`);
    const versions: { version: number; diff: VersionDiff | null }[] = after.data.versions;
    expect(versions.map((version) => version.version)).toEqual([2, 1]);
    const diff = versions[0]?.diff;
    expect(diff?.fields).toEqual([
      { field: "title", before: loaded.content.title, after: `${loaded.content.title}（修订）` },
    ]);
    expect(diff?.budgetLines.changed.map((change) => change.fields)).toEqual([["quantityHundredths", "amountFen"]]);
    expect(diff?.totals.map((change) => change.total)).toEqual(["totalFen", "grantRequestedFen"]);
    expect(after.data.can.decisions).toEqual(["eligible", "ineligible", "returned"]);
    expect(after.data.screenings.map((screening: { decision: string }) => screening.decision)).toEqual(["returned"]);
    expect(after.data.audit.map((event: { action: string }) => event.action).slice(0, 3)).toEqual([
      "proposal.resubmitted",
      "proposal.draft_saved",
      "proposal.returned",
    ]);

    expect((await screen(proposal.id, { intent: "eligible", comment: "修改到位。" })).status).toBe(302);
    expect(await findLatestScreening(proposal.id)).toMatchObject({
      decision: "eligible",
      comment: "修改到位。",
      version: 2,
    });
  });
});

describe("who may open the proposal page, act on it and print it", () => {
  test.each([
    ["a manager of another funder", () => otherManagerId],
    ["an applicant of another organisation", () => outsiderId],
    // The organisation's own members have their own proposal page; the manager's is not theirs.
    ["a member of the applicant organisation", () => ownerId],
  ])("%s gets 404 from the page and its action, and nothing is written", async (_who, userOf) => {
    const proposal = await submittedProposal();
    const before = await snapshotOfWrites(proposal.id);
    expect((await page(proposal.id, userOf())).status).toBe(404);
    expect((await screen(proposal.id, { intent: "eligible" }, userOf())).status).toBe(404);
    expect(await snapshotOfWrites(proposal.id)).toEqual(before);
  });

  test("the platform admin may read the page but not decide (403)", async () => {
    const proposal = await submittedProposal();
    const result = await page(proposal.id, adminId);
    expect(result.status).toBe(200);
    expect(result.data.can).toEqual({ screen: false, decisions: [] });
    expect((await screen(proposal.id, { intent: "eligible" }, adminId)).status).toBe(403);
  });

  test("a draft is not the manager's to see: 404", async () => {
    const draft = await submittedProposal("draft");
    expect((await page(draft.id)).status).toBe(404);
    expect((await screen(draft.id, { intent: "eligible" })).status).toBe(404);
  });

  test("the page shows the organisation without its bank account", async () => {
    const proposal = await submittedProposal();
    const result = await page(proposal.id);
    expect(result.data.organization).toMatchObject({ id: organizationId, kind: "filed_team" });
    expect(Object.keys(result.data.organization).filter((key) => key.startsWith("bank"))).toEqual([]);
  });

  test("the printable form: the organisation's members and the funder's staff; nobody else", async () => {
    const proposal = await submittedProposal();
    const member = await print(proposal.id, ownerId);
    expect(member.status).toBe(200);
    expect(member.data).toMatchObject({ isDraft: false, snapshot: { number: proposal.number, version: 1 } });
    expect((await print(proposal.id, funderManagerId)).status).toBe(200);
    expect((await print(proposal.id, otherManagerId)).status).toBe(404);
    expect((await print(proposal.id, outsiderId)).status).toBe(404);
  });

  test("a draft prints for its members, marked as a draft, and not for the funder", async () => {
    const draft = await submittedProposal("draft");
    const member = await print(draft.id, ownerId);
    expect(member.status).toBe(200);
    expect(member.data).toMatchObject({ isDraft: true, snapshot: { number: "", title: draft.title } });
    expect(member.data.snapshot.budgetLines).toHaveLength(8);
    expect((await print(draft.id, funderManagerId)).status).toBe(404);
  });
});
