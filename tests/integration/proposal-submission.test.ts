// Submitting a proposal: the happy path (number, version 1, receipt email, audit event), every refusal of issue 3's
// acceptance list writing nothing, resubmission as version 2, and withdrawing.
import { beforeEach, describe, expect, test } from "vitest";
import { action as submitAction, loader as submitLoader } from "~/features/proposals/proposal-submit.route";
import { action as viewAction } from "~/features/proposals/proposal-view.route";
import type { ProposalSnapshot } from "~/features/proposals/snapshot";
import { db } from "~/lib/db.server";
import {
  createApplicant,
  createFunder,
  createManager,
  createOrganization,
  createProgram,
  createProposal,
} from "../factories";
import { callRoute } from "../support/routes";

type Program = Awaited<ReturnType<typeof createProgram>>;

let program: Program;
let applicant: Awaited<ReturnType<typeof createApplicant>>;

beforeEach(async () => {
  const funder = await createFunder(db());
  program = await createProgram(db(), { funderId: funder.id });
  applicant = await createApplicant(db());
});

/** Everything a submission writes, to show that a refusal wrote none of it. */
async function footprint(proposalId: number) {
  const proposal = await db()
    .selectFrom("proposal")
    .select(["status", "number", "currentVersion", "submittedAt"])
    .where("id", "=", proposalId)
    .executeTakeFirstOrThrow();
  const count = async (table: "proposalVersion" | "outboxMessage" | "auditEvent") =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    proposal,
    versions: await count("proposalVersion"),
    outbox: await count("outboxMessage"),
    audit: await count("auditEvent"),
  };
}

function submit(proposalId: number, userId: number) {
  return callRoute(submitAction, `/proposals/${proposalId}/submit`, {
    userId,
    form: {},
    params: { proposalId: String(proposalId) },
  });
}

describe("submitting a draft", () => {
  test("gives it a number, freezes version 1, emails a receipt and records the event", async () => {
    const draft = await createProposal(db(), {
      programId: program.id,
      organizationId: applicant.organizationId,
      createdBy: applicant.user.id,
    });

    const result = await submit(draft.id, applicant.user.id);

    expect(result.status).toBe(302);
    expect(result.location).toBe(`/proposals/${draft.id}/submit`);
    const stored = await db().selectFrom("proposal").selectAll().where("id", "=", draft.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: "submitted", number: `${program.code}-001`, currentVersion: 1 });
    expect(stored.submittedAt).not.toBeNull();

    const version = await db()
      .selectFrom("proposalVersion")
      .selectAll()
      .where("proposalId", "=", draft.id)
      .executeTakeFirstOrThrow();
    const snapshot: ProposalSnapshot = JSON.parse(version.snapshot);
    expect(version).toMatchObject({ version: 1, reason: "submitted", createdBy: applicant.user.id });
    expect(snapshot).toMatchObject({
      number: `${program.code}-001`,
      title: "银龄相伴·独居老人结对探访",
      program: { id: program.id, code: program.code },
      totals: { totalFen: 630_000, grantRequestedFen: 480_000 },
    });
    expect(snapshot.budgetLines).toHaveLength(8);
    expect(snapshot.milestones).toHaveLength(4);
    expect(snapshot.indicatorTargets).toHaveLength(3);

    const mail = await db()
      .selectFrom("outboxMessage")
      .selectAll()
      .where("recipient", "=", applicant.user.email)
      .executeTakeFirstOrThrow();
    expect(mail.subject).toContain(`${program.code}-001`);
    expect(mail.body).toContain("¥4,800.00");

    const audit = await db()
      .selectFrom("auditEvent")
      .selectAll()
      .where("entityType", "=", "proposal")
      .where("entityId", "=", draft.id)
      .where("action", "=", "proposal.submitted")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actorUserId: applicant.user.id,
      funderId: program.funderId,
      organizationId: applicant.organizationId,
    });

    // The same address is now the receipt, with the number.
    const receipt = await callRoute(submitLoader, `/proposals/${draft.id}/submit`, {
      userId: applicant.user.id,
      params: { proposalId: String(draft.id) },
    });
    expect(receipt.data).toMatchObject({ confirming: false, proposal: { number: `${program.code}-001` } });
  });

  test("numbers the program's proposals in the order they are first submitted", async () => {
    const other = await createApplicant(db());
    const first = await createProposal(db(), {
      programId: program.id,
      organizationId: other.organizationId,
      createdBy: other.user.id,
    });
    const second = await createProposal(db(), {
      programId: program.id,
      organizationId: applicant.organizationId,
      createdBy: applicant.user.id,
    });
    await submit(second.id, applicant.user.id);
    await submit(first.id, other.user.id);
    const numbers = await db()
      .selectFrom("proposal")
      .select(["id", "number"])
      .where("programId", "=", program.id)
      .orderBy("id")
      .execute();
    expect(numbers.map((row) => row.number)).toEqual([`${program.code}-002`, `${program.code}-001`]);
  });
});

describe("a submission that breaks a rule is refused with errors on the right fields and writes nothing", () => {
  const DAY = 24 * 60 * 60 * 1000;

  test.each<[string, (proposalId: number) => Promise<void>, string]>([
    [
      "after the window closed",
      async () => {
        await db()
          .updateTable("program")
          .set({ closesAt: new Date(Date.now() - DAY).toISOString() })
          .where("id", "=", program.id)
          .execute();
      },
      "programWindow",
    ],
    [
      "over the grant cap",
      async (proposalId) => {
        // A registered organisation (no filed-team cap) asking ¥30,000.01 of ¥40,000.01.
        await db()
          .updateTable("organization")
          .set({ kind: "registered" })
          .where("id", "=", applicant.organizationId)
          .execute();
        await db()
          .updateTable("budgetLine")
          .set({ unitPriceFen: 3_000_001, quantityHundredths: 100, amountFen: 3_000_001 })
          .where("proposalId", "=", proposalId)
          .where("position", "=", 0)
          .execute();
        await db()
          .updateTable("budgetLine")
          .set({ unitPriceFen: 1_000_000, quantityHundredths: 100, amountFen: 1_000_000, fundingSource: "self_raised" })
          .where("proposalId", "=", proposalId)
          .where("position", "=", 1)
          .execute();
        await db().deleteFrom("budgetLine").where("proposalId", "=", proposalId).where("position", ">", 1).execute();
      },
      "grantRequested",
    ],
    [
      "over the management cap",
      async (proposalId) => {
        // ¥600 of grant-funded management on a ¥5,000 grant is 12%, above the 10% cap.
        await db()
          .updateTable("budgetLine")
          .set({
            category: "management",
            item: "项目管理费",
            unitPriceFen: 60_000,
            quantityHundredths: 100,
            amountFen: 60_000,
          })
          .where("proposalId", "=", proposalId)
          .where("position", "=", 5)
          .execute();
        await db()
          .updateTable("budgetLine")
          .set({ unitPriceFen: 2_000, quantityHundredths: 1_000, amountFen: 20_000 })
          .where("proposalId", "=", proposalId)
          .where("position", "=", 0)
          .execute();
      },
      "budgetLines",
    ],
    [
      "with a prohibited category",
      async (proposalId) => {
        await db()
          .updateTable("budgetLine")
          .set({ category: "fixed_assets", item: "购买轮椅" })
          .where("proposalId", "=", proposalId)
          .where("position", "=", 3)
          .execute();
      },
      "budgetLines.3.category",
    ],
    [
      "from an organisation at its proposals limit",
      async () => {
        for (const status of ["submitted", "eligible"]) {
          await createProposal(db(), {
            programId: program.id,
            organizationId: applicant.organizationId,
            createdBy: applicant.user.id,
            status,
          });
        }
      },
      "organization",
    ],
  ])("%s", async (_name, breakRule, expectedPath) => {
    const draft = await createProposal(db(), {
      programId: program.id,
      organizationId: applicant.organizationId,
      createdBy: applicant.user.id,
    });
    await breakRule(draft.id);
    const before = await footprint(draft.id);

    const result = await submit(draft.id, applicant.user.id);

    expect(result.status).toBe(400);
    expect(Object.keys(result.data.fieldErrors)).toContain(expectedPath);
    expect(result.data.fieldErrors[expectedPath]).toMatch(/\S/);
    expect(await footprint(draft.id)).toEqual(before);
    expect(before.proposal).toMatchObject({ status: "draft", number: null, currentVersion: 0 });
  });

  test("messages are in the user's language", async () => {
    await db()
      .updateTable("program")
      .set({ closesAt: new Date(Date.now() - DAY).toISOString() })
      .where("id", "=", program.id)
      .execute();
    const draft = await createProposal(db(), {
      programId: program.id,
      organizationId: applicant.organizationId,
      createdBy: applicant.user.id,
    });
    const zh = await submit(draft.id, applicant.user.id);
    const en = await callRoute(submitAction, `/proposals/${draft.id}/submit`, {
      userId: applicant.user.id,
      form: {},
      params: { proposalId: String(draft.id) },
      headers: { "Accept-Language": "en" },
    });
    expect(zh.data.fieldErrors.programWindow).toContain("截止");
    expect(en.data.fieldErrors.programWindow).toContain("closed");
  });
});

describe("resubmitting and withdrawing", () => {
  test("a returned proposal is submitted again as version 2 under the same number", async () => {
    const returned = await createProposal(db(), {
      programId: program.id,
      organizationId: applicant.organizationId,
      createdBy: applicant.user.id,
      status: "returned",
    });
    await db().updateTable("proposal").set({ title: "银龄相伴（修改稿）" }).where("id", "=", returned.id).execute();

    const result = await submit(returned.id, applicant.user.id);

    expect(result.status).toBe(302);
    const versions = await db()
      .selectFrom("proposalVersion")
      .selectAll()
      .where("proposalId", "=", returned.id)
      .orderBy("version")
      .execute();
    expect(versions.map((v) => [v.version, v.reason])).toEqual([
      [1, "submitted"],
      [2, "resubmitted"],
    ]);
    const second: ProposalSnapshot = JSON.parse(versions[1]?.snapshot ?? "{}");
    expect(second).toMatchObject({ title: "银龄相伴（修改稿）", number: returned.number, version: 2 });
    const stored = await db()
      .selectFrom("proposal")
      .select(["status", "number", "currentVersion"])
      .where("id", "=", returned.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: "submitted", number: returned.number, currentVersion: 2 });
    const audit = await db()
      .selectFrom("auditEvent")
      .select("action")
      .where("entityId", "=", returned.id)
      .where("action", "=", "proposal.resubmitted")
      .execute();
    expect(audit).toHaveLength(1);
  });

  test("a submitted proposal cannot be submitted again", async () => {
    const submitted = await createProposal(db(), {
      programId: program.id,
      organizationId: applicant.organizationId,
      createdBy: applicant.user.id,
      status: "submitted",
    });
    const result = await submit(submitted.id, applicant.user.id);
    expect(result.status).toBe(403);
  });

  test("a member withdraws a submitted proposal; the number and version stay", async () => {
    const submitted = await createProposal(db(), {
      programId: program.id,
      organizationId: applicant.organizationId,
      createdBy: applicant.user.id,
      status: "submitted",
    });
    const result = await callRoute(viewAction, `/proposals/${submitted.id}`, {
      userId: applicant.user.id,
      form: { intent: "withdraw" },
      params: { proposalId: String(submitted.id) },
    });
    expect(result.status).toBe(302);
    const stored = await db()
      .selectFrom("proposal")
      .select(["status", "number", "withdrawnAt"])
      .where("id", "=", submitted.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: "withdrawn", number: submitted.number });
    expect(stored.withdrawnAt).not.toBeNull();
    expect(
      await db()
        .selectFrom("auditEvent")
        .select("id")
        .where("entityId", "=", submitted.id)
        .where("action", "=", "proposal.withdrawn")
        .execute(),
    ).toHaveLength(1);
  });

  test("after the award decision there is no withdrawing", async () => {
    const awarded = await createProposal(db(), {
      programId: program.id,
      organizationId: applicant.organizationId,
      createdBy: applicant.user.id,
      status: "awarded",
    });
    const result = await callRoute(viewAction, `/proposals/${awarded.id}`, {
      userId: applicant.user.id,
      form: { intent: "withdraw" },
      params: { proposalId: String(awarded.id) },
    });
    expect(result.status).toBe(403);
    const stored = await db()
      .selectFrom("proposal")
      .select("status")
      .where("id", "=", awarded.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe("awarded");
  });
});

describe("who may submit", () => {
  test("another organisation's member and a manager of another funder get a 404; nothing changes", async () => {
    const draft = await createProposal(db(), {
      programId: program.id,
      organizationId: applicant.organizationId,
      createdBy: applicant.user.id,
    });
    const outsider = await createApplicant(db(), { organizationId: (await createOrganization(db())).id });
    const otherManager = await createManager(db());
    for (const userId of [outsider.user.id, otherManager.user.id]) {
      expect((await submit(draft.id, userId)).status).toBe(404);
    }
    expect((await footprint(draft.id)).proposal.status).toBe("draft");
  });

  test("the program's own manager can see a submitted proposal but not submit a returned one", async () => {
    const manager = await createManager(db(), { funderId: program.funderId });
    const returned = await createProposal(db(), {
      programId: program.id,
      organizationId: applicant.organizationId,
      createdBy: applicant.user.id,
      status: "returned",
    });
    expect((await submit(returned.id, manager.user.id)).status).toBe(403);
  });
});
