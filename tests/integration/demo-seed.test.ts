// The demo seed on a fresh database: the demo manager's proposal list shows the seeded proposals with their counts
// by status; each proposal's history was written as the portal writes it (numbers, frozen versions, screening
// reasons, audit events, receipts that no flush will send), dated in the past week; and the demo applicant's and
// team's organisations have no proposals, so the browser tests can still file two each.
import { beforeAll, expect, test } from "vitest";
import { checkUscc } from "~/features/organizations/uscc";
import { loader as proposalLoader } from "~/features/proposals/manage-proposal.route";
import { loader as listLoader } from "~/features/proposals/manage-proposals.route";
import { db } from "~/lib/db.server";
import { nowIso } from "~/lib/time";
import { isSeeded, seedDemo } from "../../db/seed";
import { callRoute } from "../support/routes";

const PROGRAM_TITLE = "2026年南七街道第三届社区微公益创投大赛";

let managerId: number;
let program: { id: number; code: string; opensAt: string };

async function userId(email: string): Promise<number> {
  return (await db().selectFrom("user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

async function proposalIds(): Promise<number[]> {
  const rows = await db().selectFrom("proposal").select("id").where("programId", "=", program.id).execute();
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  expect(await isSeeded(db())).toBe(false);
  await seedDemo(db());
  managerId = await userId("manager@weigongyi.demo");
  program = await db()
    .selectFrom("program")
    .select(["id", "code", "opensAt"])
    .where("title", "=", PROGRAM_TITLE)
    .executeTakeFirstOrThrow();
});

test("the seeded database counts as seeded, so npm start and db:seed leave it alone", async () => {
  expect(await isSeeded(db())).toBe(true);
});

test("the demo manager's list shows fourteen handed-in proposals from eight organisations, with counts by status", async () => {
  const list = await callRoute(listLoader, `/manage/programs/${program.id}/proposals`, {
    userId: managerId,
    params: { programId: String(program.id) },
  });
  expect(list.status).toBe(200);
  expect(list.data.counts).toEqual({ submitted: 8, eligible: 3, ineligible: 2, returned: 1 });
  expect(list.data.page.total).toBe(14);
  const rows: { number: string; organizationName: string; serviceCommunity: string }[] = list.data.rows;
  expect(rows.map((row) => row.number).sort()).toEqual(
    Array.from({ length: 14 }, (_, index) => `${program.code}-${String(index + 1).padStart(3, "0")}`),
  );
  expect(new Set(rows.map((row) => row.organizationName)).size).toBe(8);
  expect(list.data.communities).toContain("南七街道南七社区");
  expect(list.data.communities.length).toBeGreaterThanOrEqual(4);

  const returned = await callRoute(listLoader, `/manage/programs/${program.id}/proposals?status=returned`, {
    userId: managerId,
    params: { programId: String(program.id) },
  });
  expect(returned.data.rows.map((row: { title: string }) => row.title)).toEqual([
    "楼道平安·老旧小区独居老人用电用气安全巡查",
  ]);
});

test("the demo applicant's and team's organisations have no proposals, leaving the browser tests two each", async () => {
  const members = await db()
    .selectFrom("organizationMember")
    .innerJoin("user", "user.id", "organizationMember.userId")
    .select("organizationMember.organizationId")
    .where("user.email", "in", ["applicant@weigongyi.demo", "team@weigongyi.demo"])
    .execute();
  expect(members).toHaveLength(2);
  const theirs = await db()
    .selectFrom("proposal")
    .select("id")
    .where(
      "organizationId",
      "in",
      members.map((member) => member.organizationId),
    )
    .execute();
  expect(theirs).toEqual([]);
  // The applicant's organisation is still the first one (the screenshots open /organizations/1/members).
  expect(members.map((member) => member.organizationId)).toContain(1);
});

test("each proposal was handed in as the portal hands one in: number, version, rows, audit trail, receipt", async () => {
  const ids = await proposalIds();
  expect(ids).toHaveLength(14);
  const actions = await db()
    .selectFrom("auditEvent")
    .select(["action", (eb) => eb.fn.countAll<number>().as("n")])
    .where("entityType", "=", "proposal")
    .groupBy("action")
    .execute();
  expect(Object.fromEntries(actions.map((row) => [row.action, Number(row.n)]))).toEqual({
    "proposal.created": 14,
    "proposal.draft_saved": 15,
    "proposal.submitted": 14,
    "proposal.resubmitted": 1,
    "proposal.marked_eligible": 3,
    "proposal.marked_ineligible": 2,
    "proposal.returned": 2,
  });
  for (const table of ["budgetLine", "milestone", "indicatorTarget", "proposalVersion"] as const) {
    const counts = await db()
      .selectFrom(table)
      .select(["proposalId", (eb) => eb.fn.countAll<number>().as("n")])
      .where("proposalId", "in", ids)
      .groupBy("proposalId")
      .execute();
    expect(counts, table).toHaveLength(14);
    const least = { budgetLine: 7, milestone: 3, indicatorTarget: 3, proposalVersion: 1 }[table];
    expect(Math.min(...counts.map((row) => Number(row.n))), table).toBeGreaterThanOrEqual(least);
  }
  // The receipts and decisions are in the outbox, all marked delivered: no later flush sends them anywhere.
  const outbox = await db().selectFrom("outboxMessage").select(["subject", "sentAt"]).execute();
  expect(outbox.filter((message) => message.subject.startsWith("【申报回执】"))).toHaveLength(15);
  expect(outbox.filter((message) => message.sentAt === null)).toEqual([]);
  const tally = await db()
    .selectFrom("program")
    .select("proposalTallyRevision")
    .where("id", "=", program.id)
    .executeTakeFirstOrThrow();
  expect(tally.proposalTallyRevision).toBeGreaterThan(0);
});

test("the history lies between the call's opening and now, each decision after the version it decides", async () => {
  const now = nowIso();
  const proposals = await db()
    .selectFrom("proposal")
    .select(["createdAt", "submittedAt", "updatedAt"])
    .where("programId", "=", program.id)
    .execute();
  for (const proposal of proposals) {
    expect(proposal.createdAt > program.opensAt).toBe(true);
    expect(proposal.submittedAt !== null && proposal.submittedAt > proposal.createdAt).toBe(true);
    expect(proposal.updatedAt < now).toBe(true);
  }
  const decisions = await db()
    .selectFrom("proposalScreening")
    .innerJoin("proposalVersion", (join) =>
      join
        .onRef("proposalVersion.proposalId", "=", "proposalScreening.proposalId")
        .onRef("proposalVersion.version", "=", "proposalScreening.version"),
    )
    .select(["proposalScreening.decidedAt", "proposalVersion.createdAt", "proposalVersion.snapshot"])
    .execute();
  expect(decisions).toHaveLength(7);
  for (const decision of decisions) {
    expect(decision.decidedAt > decision.createdAt).toBe(true);
    expect(JSON.parse(decision.snapshot).submittedAt).toBe(decision.createdAt);
  }
});

test("the manager reads why a proposal was refused or returned, and what changed in the resubmitted one", async () => {
  const screened = await db()
    .selectFrom("proposal")
    .select(["id", "status", "currentVersion"])
    .where("programId", "=", program.id)
    .where((eb) => eb.or([eb("status", "in", ["ineligible", "returned"]), eb("currentVersion", ">", 1)]))
    .orderBy("id")
    .execute();
  expect(screened.map((proposal) => proposal.status).sort()).toEqual([
    "ineligible",
    "ineligible",
    "returned",
    "submitted",
  ]);
  for (const proposal of screened) {
    const page = await callRoute(proposalLoader, `/manage/proposals/${proposal.id}`, {
      userId: managerId,
      params: { proposalId: String(proposal.id) },
    });
    expect(page.status).toBe(200);
    const [latest] = page.data.screenings;
    expect(latest.comment).not.toBe("");
    if (proposal.currentVersion > 1) {
      expect(latest.decision).toBe("returned");
      const versions: { version: number; diff: { budgetLines: { changed: unknown[] } } | null }[] = page.data.versions;
      expect(versions.map((version) => version.version)).toEqual([2, 1]);
      expect(versions[0]?.diff?.budgetLines.changed).toHaveLength(1);
      expect(page.data.can.decisions).toEqual(["eligible", "ineligible", "returned"]);
    }
  }
});

test("the registered demo organisations carry valid 统一社会信用代码", async () => {
  const codes = await db().selectFrom("organization").select("uscc").where("uscc", "is not", null).execute();
  expect(codes).toHaveLength(5);
  for (const { uscc } of codes) expect(checkUscc(uscc ?? "")).toMatchObject({ ok: true });
});
