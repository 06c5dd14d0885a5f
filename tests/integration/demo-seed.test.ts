// The demo seed on a fresh database: the demo manager's proposal list shows the seeded proposals with their counts
// by status; each proposal's history was written as the portal writes it (numbers, frozen versions, screening
// reasons, audit events, receipts that no flush will send), dated in the past week; and the demo applicant's and
// team's organisations have no proposals, so the browser tests can still file two each. Most proposals carry
// attachments stored as the portal stores uploads, listed by the versions they were handed in with.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { fileTypeFromBuffer } from "file-type";
import { sql } from "kysely";
import { beforeAll, expect, test } from "vitest";
import { checkUscc } from "~/features/organizations/uscc";
import { loader as downloadLoader } from "~/features/proposals/attachment-download.route";
import { allowedAttachmentTypes } from "~/features/proposals/attachment-limits";
import { attachmentFilePath } from "~/features/proposals/attachments.server";
import { loader as proposalLoader } from "~/features/proposals/manage-proposal.route";
import { loader as listLoader } from "~/features/proposals/manage-proposals.route";
import type { ProposalSnapshot } from "~/features/proposals/snapshot";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { nowIso } from "~/lib/time";
import { seedDemoProposals } from "../../db/demo-proposals";
import { isSeeded, seedDemo } from "../../db/seed";
import { programTallyRevision } from "../support/program-tally";
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
    // 14 first saves, 12 saves that upload files before the first submission, 1 revision.
    "proposal.draft_saved": 27,
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
  expect(await programTallyRevision(program.id)).toBeGreaterThan(0);
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

// ---- attachments ----

const BUDGET_WORKBOOK = "预算明细表.xlsx";

function storedFiles(): string[] {
  const directory = path.join(env().UPLOAD_DIR, "proposals");
  return fs.existsSync(directory) ? fs.readdirSync(directory).sort() : [];
}

async function attachmentRows() {
  return db()
    .selectFrom("attachment")
    .innerJoin("proposal", "proposal.id", "attachment.proposalId")
    .select([
      "attachment.id",
      "attachment.proposalId",
      "proposal.organizationId",
      "proposal.title",
      "attachment.originalName",
      "attachment.storedName",
      "attachment.mimeType",
      "attachment.sizeBytes",
      "attachment.sha256",
      "attachment.createdAt",
      "attachment.removedAt",
    ])
    .orderBy("attachment.createdAt")
    .orderBy("attachment.id")
    .execute();
}

test("most proposals carry attachments, each on disk under UPLOAD_DIR with its recorded size, hash and type", async () => {
  const rows = await attachmentRows();
  // 10 budget workbooks and 6 certificates before the first submissions; the resubmission replaced its workbook
  // and added the supervisor's certificate.
  expect(rows).toHaveLength(18);
  expect(rows.filter((row) => row.removedAt !== null)).toHaveLength(1);
  expect(new Set(rows.map((row) => row.proposalId)).size).toBe(12);
  expect(rows.filter((row) => row.originalName === BUDGET_WORKBOOK)).toHaveLength(11);
  // Every file belongs to a row: nothing orphaned, nothing outside the upload folder.
  expect(storedFiles()).toEqual(rows.map((row) => row.storedName).sort());
  for (const row of rows) {
    const bytes = fs.readFileSync(attachmentFilePath(row.storedName));
    expect(bytes.byteLength, row.originalName).toBe(row.sizeBytes);
    expect(createHash("sha256").update(bytes).digest("hex"), row.originalName).toBe(row.sha256);
    expect((await fileTypeFromBuffer(bytes))?.mime, row.originalName).toBe(row.mimeType);
    expect(allowedAttachmentTypes[row.mimeType], row.originalName).toBe(path.extname(row.storedName).slice(1));
    expect(row.originalName.endsWith(`.${allowedAttachmentTypes[row.mimeType]}`), row.originalName).toBe(true);
  }
});

test("a budget workbook holds the proposal's own lines and their total as handed in", async () => {
  const rows = await attachmentRows();
  const workbook = rows.find((row) => row.originalName === BUDGET_WORKBOOK && row.removedAt === null);
  if (!workbook) throw new Error("no budget workbook");
  const version = await db()
    .selectFrom("proposalVersion")
    .select("snapshot")
    .where("proposalId", "=", workbook.proposalId)
    .orderBy("version", "desc")
    .executeTakeFirstOrThrow();
  const snapshot: ProposalSnapshot = JSON.parse(version.snapshot);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(attachmentFilePath(workbook.storedName));
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error("the workbook has no sheet");
  const cells: unknown[][] = [];
  sheet.eachRow((row) => cells.push((row.values as unknown[]).slice(1)));
  expect(cells[0]?.[0]).toBe(`${snapshot.title} 预算明细表`);
  const items = snapshot.budgetLines.map((line) => line.item);
  expect(cells.slice(3, 3 + items.length).map((row) => row[1])).toEqual(items);
  const total = cells[3 + items.length];
  expect(total?.[0]).toBe("合计");
  expect(total?.[5]).toMatchObject({ result: snapshot.totals.totalFen / 100 });
});

test("each version lists the attachments the proposal had when it was handed in", async () => {
  const rows = await attachmentRows();
  const versions = await db()
    .selectFrom("proposalVersion")
    .select(["proposalId", "version", "createdAt", "snapshot"])
    .orderBy("proposalId")
    .orderBy("version")
    .execute();
  expect(versions).toHaveLength(15);
  for (const version of versions) {
    const snapshot: ProposalSnapshot = JSON.parse(version.snapshot);
    const expected = rows
      .filter(
        (row) =>
          row.proposalId === version.proposalId &&
          row.createdAt < version.createdAt &&
          (row.removedAt === null || row.removedAt > version.createdAt),
      )
      .map((row) => ({
        id: row.id,
        originalName: row.originalName,
        mimeType: row.mimeType,
        sizeBytes: row.sizeBytes,
        sha256: row.sha256,
      }));
    expect(snapshot.attachments, `${snapshot.title} v${version.version}`).toEqual(expected);
  }
  // The returned proposal was handed in again with a revised workbook (its budget changed) and a certificate.
  const resubmitted = versions.find((version) => version.version === 2)?.proposalId;
  const [first, second] = versions
    .filter((version) => version.proposalId === resubmitted)
    .map((version) => (JSON.parse(version.snapshot) as ProposalSnapshot).attachments);
  expect(first?.map((attachment) => attachment.originalName)).toEqual([BUDGET_WORKBOOK]);
  expect(second?.map((attachment) => attachment.originalName)).toEqual([
    BUDGET_WORKBOOK,
    "督导心理咨询师资格证书（复印件）.pdf",
  ]);
  expect(second?.[0]?.sha256).not.toBe(first?.[0]?.sha256);
});

test("the manager and the owner download an attachment, a removed one too; another applicant gets a 404", async () => {
  const rows = await attachmentRows();
  const outsider = await userId("applicant@weigongyi.demo");
  const removed = rows.find((row) => row.removedAt !== null);
  for (const attachment of [rows[0], removed]) {
    if (!attachment) throw new Error("missing attachment");
    const url = `/proposals/${attachment.proposalId}/attachments/${attachment.id}`;
    const params = { proposalId: String(attachment.proposalId), attachmentId: String(attachment.id) };
    const owner = await db()
      .selectFrom("organizationMember")
      .select("userId")
      .where("organizationId", "=", attachment.organizationId)
      .executeTakeFirstOrThrow();
    for (const reader of [managerId, owner.userId]) {
      const download = await callRoute(downloadLoader, url, { userId: reader, params });
      expect(download.status).toBe(200);
      expect(download.headers.get("content-type")).toBe(attachment.mimeType);
      expect(download.headers.get("content-length")).toBe(String(attachment.sizeBytes));
      expect(download.headers.get("content-disposition")).toContain(encodeURIComponent(attachment.originalName));
    }
    const refused = await callRoute(downloadLoader, url, { userId: outsider, params });
    expect(refused.status).toBe(404);
  }
});

test("a seed that fails after writing files deletes them again", async () => {
  const before = storedFiles();
  await expect(
    db()
      .transaction()
      .execute(async (trx) => {
        // Frees the demo addresses and credit codes inside this transaction only, so that the organisations and
        // their owners can be created again.
        await trx
          .updateTable("user")
          .set({ email: sql<string>`email || '.seeded'` })
          .execute();
        await trx
          .updateTable("organization")
          .set({ uscc: sql<string>`lower(uscc)` })
          .execute();
        // No user 0 exists: the first screening, after the first proposal's files are written, cannot be saved.
        await seedDemoProposals(trx, { programId: program.id, manager: { id: 0 }, password: "Demo@2026" });
      }),
  ).rejects.toThrow(/foreign key/i);
  expect(storedFiles()).toEqual(before);
  expect(await attachmentRows()).toHaveLength(18);
});
