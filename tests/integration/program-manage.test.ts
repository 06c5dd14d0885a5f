import { describe, expect, test } from "vitest";
import { action, loader } from "~/features/programs/program-manage.route";
import { db } from "~/lib/db.server";
import { createApplicant, createManager, createProgram, createProposal, createUser } from "../factories";
import { callRoute } from "../support/routes";

const DAY = 24 * 60 * 60 * 1000;
const managePath = (programId: number) => `/manage/programs/${programId}`;

async function statusOf(programId: number) {
  return (await db().selectFrom("program").select("status").where("id", "=", programId).executeTakeFirstOrThrow())
    .status;
}

async function auditActions(programId: number) {
  const rows = await db()
    .selectFrom("auditEvent")
    .select("action")
    .where("entityType", "=", "program")
    .where("entityId", "=", programId)
    .orderBy("id")
    .execute();
  return rows.map((row) => row.action);
}

describe("the program's manage page", () => {
  test("shows the funder's manager the program, its pool summed from the sources and the moves allowed now", async () => {
    const { user, funderId } = await createManager(db());
    const program = await createProgram(db(), {
      funderId,
      status: "draft",
      fundingSources: [
        { name: "社区慈善基金", kind: "community_charity_fund", amountFen: 12_345_67 },
        { name: "企业配捐", kind: "company_match", amountFen: 5_000_000 },
      ],
    });
    const result = await callRoute(loader, managePath(program.id), {
      userId: user.id,
      params: { programId: String(program.id) },
    });
    expect(result.status).toBe(200);
    expect(result.data.program).toMatchObject({
      id: program.id,
      code: program.code,
      status: "draft",
      poolFen: 6_234_567,
    });
    expect(result.data.can).toEqual({ edit: true, transitions: ["open"], act: true });
  });

  test("offers going back to draft for an open program without proposals, and no move at all once in review", async () => {
    const { user, funderId } = await createManager(db());
    const open = await createProgram(db(), { funderId, status: "open" });
    const started = await createProgram(db(), { funderId, status: "open" });
    const { user: applicant, organizationId } = await createApplicant(db());
    await createProposal(db(), { programId: started.id, organizationId, createdBy: applicant.id });
    const reviewing = await createProgram(db(), { funderId, status: "reviewing" });
    const canOf = async (programId: number) =>
      (await callRoute(loader, managePath(programId), { userId: user.id, params: { programId: String(programId) } }))
        .data.can;
    expect(await canOf(open.id)).toEqual({ edit: true, transitions: ["draft"], act: true });
    // A draft proposal is enough to keep it published, so the move that would be refused is not offered.
    expect(await canOf(started.id)).toEqual({ edit: true, transitions: [], act: true });
    expect(await canOf(reviewing.id)).toEqual({ edit: false, transitions: [], act: true });
  });

  test("a platform admin may look but not act", async () => {
    const { funderId } = await createManager(db());
    const program = await createProgram(db(), { funderId, status: "draft" });
    const admin = await createUser(db(), { isPlatformAdmin: true });
    const params = { programId: String(program.id) };
    const view = await callRoute(loader, managePath(program.id), { userId: admin.id, params });
    expect(view.status).toBe(200);
    expect(view.data.can).toEqual({ edit: false, transitions: [], act: false });
    const post = await callRoute(action, managePath(program.id), {
      userId: admin.id,
      params,
      form: { intent: "transition", to: "open" },
    });
    expect(post.status).toBe(403);
    expect(await statusOf(program.id)).toBe("draft");
  });

  test("a manager of another funder and an applicant cannot see it or move it (404), and nothing is written", async () => {
    const { funderId } = await createManager(db());
    const program = await createProgram(db(), { funderId, status: "draft" });
    const { user: otherManager } = await createManager(db());
    const { user: applicant } = await createApplicant(db());
    const params = { programId: String(program.id) };
    for (const userId of [otherManager.id, applicant.id]) {
      expect((await callRoute(loader, managePath(program.id), { userId, params })).status).toBe(404);
      expect(
        (
          await callRoute(action, managePath(program.id), {
            userId,
            params,
            form: { intent: "transition", to: "open" },
          })
        ).status,
      ).toBe(404);
    }
    expect(await statusOf(program.id)).toBe("draft");
    expect(await auditActions(program.id)).toEqual([]);
  });

  test("an unknown program is a 404", async () => {
    const { user } = await createManager(db());
    expect(
      (await callRoute(loader, managePath(999_999), { userId: user.id, params: { programId: "999999" } })).status,
    ).toBe(404);
    expect(
      (await callRoute(loader, "/manage/programs/x", { userId: user.id, params: { programId: "x" } })).status,
    ).toBe(404);
  });
});

describe("program status changes", () => {
  test("publishing a complete draft opens it, with a program.opened audit event", async () => {
    const { user, funderId } = await createManager(db());
    const program = await createProgram(db(), { funderId, status: "draft" });
    const result = await callRoute(action, managePath(program.id), {
      userId: user.id,
      params: { programId: String(program.id) },
      form: { intent: "transition", to: "open" },
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe(managePath(program.id));
    expect(await statusOf(program.id)).toBe("open");
    const audit = await db()
      .selectFrom("auditEvent")
      .selectAll()
      .where("entityId", "=", program.id)
      .where("action", "=", "program.opened")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actorUserId: user.id,
      funderId,
      before: JSON.stringify({ status: "draft" }),
      after: JSON.stringify({ status: "open" }),
    });
  });

  test("refuses to publish a draft whose window has already closed, and says why", async () => {
    const { user, funderId } = await createManager(db());
    const program = await createProgram(db(), {
      funderId,
      status: "draft",
      opensAt: new Date(Date.now() - 20 * DAY).toISOString(),
      closesAt: new Date(Date.now() - DAY).toISOString(),
    });
    const result = await callRoute(action, managePath(program.id), {
      userId: user.id,
      params: { programId: String(program.id) },
      form: { intent: "transition", to: "open" },
    });
    expect(result.status).toBe(400);
    expect(result.data.formError).toBe("申报截止时间已过，请先修改申报时间再发布。");
    expect(await statusOf(program.id)).toBe("draft");
    expect(await auditActions(program.id)).toEqual([]);
  });

  test("refuses to publish a draft that breaks the program rules", async () => {
    const { user, funderId } = await createManager(db());
    const program = await createProgram(db(), {
      funderId,
      status: "draft",
      overrides: { grantMinFen: 5_000_000, grantMaxFen: 3_000_000 },
    });
    const result = await callRoute(action, managePath(program.id), {
      userId: user.id,
      params: { programId: String(program.id) },
      form: { intent: "transition", to: "open" },
      headers: { "Accept-Language": "en" },
    });
    expect(result.status).toBe(400);
    expect(result.data.formError).toBe("The program is incomplete or breaks a rule; edit it before publishing.");
    expect(await statusOf(program.id)).toBe("draft");
  });

  test("takes an open program without proposals back to draft", async () => {
    const { user, funderId } = await createManager(db());
    const program = await createProgram(db(), { funderId, status: "open" });
    const result = await callRoute(action, managePath(program.id), {
      userId: user.id,
      params: { programId: String(program.id) },
      form: { intent: "transition", to: "draft" },
    });
    expect(result.status).toBe(302);
    expect(await statusOf(program.id)).toBe("draft");
    expect(await auditActions(program.id)).toEqual(["program.reverted_to_draft"]);
  });

  test("keeps an open program open once an organisation has started a proposal", async () => {
    const { user, funderId } = await createManager(db());
    const program = await createProgram(db(), { funderId, status: "open" });
    const { user: applicant, organizationId } = await createApplicant(db());
    await createProposal(db(), { programId: program.id, organizationId, createdBy: applicant.id });
    const result = await callRoute(action, managePath(program.id), {
      userId: user.id,
      params: { programId: String(program.id) },
      form: { intent: "transition", to: "draft" },
    });
    expect(result.status).toBe(400);
    expect(result.data.formError).toBe("已有组织提交或起草了申报书，不能撤回为草稿。");
    expect(await statusOf(program.id)).toBe("open");
    expect(await auditActions(program.id)).toEqual([]);
  });

  test.each([
    ["a move the lifecycle does not have", "draft", "closed"],
    ["a later move not offered in this release", "open", "reviewing"],
    ["publishing an already open program", "open", "open"],
    ["an unknown status", "draft", "archived"],
  ])("refuses %s", async (_name, from, to) => {
    const { user, funderId } = await createManager(db());
    const program = await createProgram(db(), {
      funderId,
      status: from,
      closesAt: new Date(Date.now() - DAY).toISOString(),
    });
    const result = await callRoute(action, managePath(program.id), {
      userId: user.id,
      params: { programId: String(program.id) },
      form: { intent: "transition", to },
    });
    expect(result.status).toBe(400);
    expect(await statusOf(program.id)).toBe(from);
    expect(await auditActions(program.id)).toEqual([]);
  });
});
