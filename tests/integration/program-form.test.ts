import { describe, expect, test } from "vitest";
import { action as editAction, loader as editLoader } from "~/features/programs/program-edit.route";
import { action as newAction, loader as newLoader } from "~/features/programs/program-new.route";
import { loadProposal, saveDraft } from "~/features/proposals/proposals.server";
import { db } from "~/lib/db.server";
import { createApplicant, createFunder, createManager, createProgram, createProposal, createUser } from "../factories";
import { programFormBody } from "../support/program-form";
import { callRoute } from "../support/routes";

// Everything a program write touches, to show that a refused request wrote nothing.
async function programFootprint() {
  const count = async (table: "program" | "programCategory" | "programTargetGroup" | "fundingSource" | "auditEvent") =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    program: await count("program"),
    programCategory: await count("programCategory"),
    programTargetGroup: await count("programTargetGroup"),
    fundingSource: await count("fundingSource"),
    auditEvent: await count("auditEvent"),
  };
}

const newPath = (funderId: number) => `/manage/programs/new?funderId=${funderId}`;

describe("creating a program", () => {
  test("a manager creates a draft with its focus areas, target groups, funding sources and an audit event", async () => {
    const { user, funderId } = await createManager(db());
    const result = await callRoute(newAction, newPath(funderId), { userId: user.id, form: programFormBody() });

    expect(result.status).toBe(302);
    const programId = Number(result.location?.match(/^\/manage\/programs\/(\d+)$/)?.[1]);
    const program = await db().selectFrom("program").selectAll().where("id", "=", programId).executeTakeFirstOrThrow();
    expect(program).toMatchObject({
      funderId,
      status: "draft",
      grantMinFen: 300_000,
      grantMaxFen: 3_000_000,
      filedTeamGrantMaxFen: 500_000,
      maxGrantShareBp: 8000,
      noticeWorkingDays: 5,
    });
    expect(program.code).toMatch(new RegExp(`^F${funderId}-\\d{4}-001$`));
    expect(JSON.parse(program.tranchePlan)).toEqual({
      preset: "50-40-10",
      tranches: [
        { shareBp: 5000, gate: "signing" },
        { shareBp: 4000, gate: "midterm_approved" },
        { shareBp: 1000, gate: "final_approved" },
      ],
    });

    const categories = await db()
      .selectFrom("programCategory")
      .select(["name", "quota"])
      .where("programId", "=", programId)
      .orderBy("position")
      .execute();
    expect(categories).toEqual([
      { name: "为老服务", quota: 4 },
      { name: "儿童关爱", quota: null },
    ]);
    const groups = await db()
      .selectFrom("programTargetGroup")
      .select(["code", "name"])
      .where("programId", "=", programId)
      .orderBy("position")
      .execute();
    expect(groups.map((group) => group.name ?? group.code)).toEqual([
      "elderly",
      "children",
      "needy",
      "disabled",
      "新市民",
    ]);
    const pool = await db()
      .selectFrom("fundingSource")
      .select((eb) => eb.fn.sum<number>("amountFen").as("total"))
      .where("programId", "=", programId)
      .executeTakeFirstOrThrow();
    expect(Number(pool.total)).toBe(25_000_000);

    const audit = await db()
      .selectFrom("auditEvent")
      .selectAll()
      .where("entityType", "=", "program")
      .where("entityId", "=", programId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "program.created", actorUserId: user.id, funderId });
    expect(JSON.parse(audit[0]!.after ?? "{}")).toMatchObject({ title: programFormBody().title, status: "draft" });
  });

  test("codes count up per funder and year", async () => {
    const { user, funderId } = await createManager(db());
    const first = await callRoute(newAction, newPath(funderId), { userId: user.id, form: programFormBody() });
    const second = await callRoute(newAction, newPath(funderId), { userId: user.id, form: programFormBody() });
    const codes = await db()
      .selectFrom("program")
      .select("code")
      .where(
        "id",
        "in",
        [first, second].map((result) => Number(result.location?.split("/").at(-1))),
      )
      .orderBy("id")
      .execute();
    expect(codes.map((row) => row.code.slice(-3))).toEqual(["001", "002"]);
  });

  const customTranches = (first: string, second: string) => ({
    tranchePreset: "custom",
    "tranches.0.share": first,
    "tranches.0.gate": "signing",
    "tranches.1.share": second,
    "tranches.1.gate": "final_approved",
  });

  test.each<[string, Record<string, string>, string, string, string]>([
    [
      "a window that closes before it opens",
      { opensAt: "2027-03-10T09:00", closesAt: "2027-03-01T17:00" },
      "closesAt",
      "截止时间必须晚于开始时间",
      "The closing time must be after the opening time",
    ],
    [
      "grant minimum above maximum",
      { grantMin: "5万", grantMax: "3万" },
      "grantMin",
      "最低资助不能高于最高资助",
      "The minimum grant cannot be above the maximum",
    ],
    [
      "tranche shares that do not add up to 100",
      customTranches("50", "40"),
      "tranches",
      "分期比例合计必须为 100%",
      "Tranche shares must add up to 100%",
    ],
    [
      "an amount with three decimals",
      { "fundingSources.0.amount": "150000.125" },
      "fundingSources.0.amount",
      "金额最多保留两位小数（精确到分）",
      "Amounts have at most two decimals (to the fen)",
    ],
  ])(
    "refuses %s with the message on the field, in the request's language, writing nothing",
    async (_name, overrides, field, zh, en) => {
      const { user, funderId } = await createManager(db());
      const before = await programFootprint();
      const form = programFormBody(overrides);

      const chinese = await callRoute(newAction, newPath(funderId), { userId: user.id, form });
      expect(chinese.status).toBe(400);
      expect(chinese.data.fieldErrors[field]).toBe(zh);
      expect(chinese.data.values.title).toBe(form.title);

      const english = await callRoute(newAction, newPath(funderId), {
        userId: user.id,
        form,
        headers: { "Accept-Language": "en" },
      });
      expect(english.status).toBe(400);
      expect(english.data.fieldErrors[field]).toBe(en);

      expect(await programFootprint()).toEqual(before);
    },
  );

  test("an empty or truncated body is a 400 with field errors, not a crash", async () => {
    const { user, funderId } = await createManager(db());
    const before = await programFootprint();
    for (const form of [{}, { title: "只有标题" }, programFormBody({ tranchePreset: "bogus" })]) {
      const result = await callRoute(newAction, newPath(funderId), { userId: user.id, form });
      expect(result.status).toBe(400);
      expect(Object.keys(result.data.fieldErrors).length).toBeGreaterThan(0);
    }
    expect(await programFootprint()).toEqual(before);
  });

  test("shows the form to the funder's manager with sensible defaults", async () => {
    const { user, funderId } = await createManager(db());
    const result = await callRoute(newLoader, newPath(funderId), { userId: user.id });
    expect(result.status).toBe(200);
    expect(result.data.funder.id).toBe(funderId);
    expect(result.data.defaultValues).toMatchObject({ noticeWorkingDays: "5", tranchePreset: "50-40-10" });
  });

  test("a manager of another funder and an applicant can neither open the form nor create, and nothing is written", async () => {
    const funder = await createFunder(db());
    const { user: otherManager } = await createManager(db());
    const { user: applicant } = await createApplicant(db());
    const before = await programFootprint();
    for (const userId of [otherManager.id, applicant.id]) {
      expect((await callRoute(newLoader, newPath(funder.id), { userId })).status).toBe(403);
      expect((await callRoute(newAction, newPath(funder.id), { userId, form: programFormBody() })).status).toBe(403);
    }
    expect(await programFootprint()).toEqual(before);
  });

  test("an unknown funder is a 404 and a signed-out visitor is sent to sign in", async () => {
    const { user } = await createManager(db());
    expect((await callRoute(newLoader, newPath(999_999), { userId: user.id })).status).toBe(404);
    expect((await callRoute(newLoader, "/manage/programs/new?funderId=abc", { userId: user.id })).status).toBe(404);
    const signedOut = await callRoute(newAction, newPath(1), { form: programFormBody() });
    expect(signedOut.status).toBe(302);
    expect(signedOut.location).toMatch(/^\/sign-in\?redirectTo=/);
  });
});

describe("editing a program", () => {
  async function draftOf(funderId: number) {
    return createProgram(db(), { funderId, status: "draft" });
  }
  const editPath = (programId: number) => `/manage/programs/${programId}/edit`;

  test("the form shows the stored program, in yuan and Beijing time", async () => {
    const { user, funderId } = await createManager(db());
    const program = await createProgram(db(), {
      funderId,
      status: "draft",
      opensAt: "2027-03-01T01:00:00.000Z",
      closesAt: "2027-03-21T09:30:00.000Z",
    });
    const result = await callRoute(editLoader, editPath(program.id), {
      userId: user.id,
      params: { programId: String(program.id) },
    });
    expect(result.status).toBe(200);
    expect(result.data.defaultValues).toMatchObject({
      grantMin: "3000",
      grantMax: "30000",
      opensAt: "2027-03-01T09:00",
      closesAt: "2027-03-21T17:30",
      tranchePreset: "50-40-10",
      fundingSources: [
        { name: "南七街道社区慈善基金", kind: "community_charity_fund", amount: "150000" },
        { name: "蜀山区民政局福彩公益金", kind: "public_budget", amount: "100000" },
      ],
    });
    // A draft's edit is saved as a draft; an open program's edit is live, and its form says so.
    expect(result.data.program.published).toBe(false);
    const open = await createProgram(db(), { funderId, status: "open" });
    const openForm = await callRoute(editLoader, editPath(open.id), {
      userId: user.id,
      params: { programId: String(open.id) },
    });
    expect(openForm.data.program.published).toBe(true);
  });

  test("saves in one go: focus areas kept by id, sources replaced, audit with before and after", async () => {
    const { user, funderId } = await createManager(db());
    const program = await draftOf(funderId);
    const categories = await db()
      .selectFrom("programCategory")
      .select(["id", "name"])
      .where("programId", "=", program.id)
      .orderBy("position")
      .execute();

    const form = programFormBody({
      title: "改名后的创投大赛",
      "categories.0.id": String(categories[1]!.id),
      "categories.0.name": "儿童关爱（含四点半课堂）",
      "categories.0.quota": "5",
      "categories.1.id": "",
      "categories.1.name": "社区治理",
      "fundingSources.0.amount": "20万",
      "fundingSources.1.name": "",
      "fundingSources.1.amount": "",
    });
    const result = await callRoute(editAction, editPath(program.id), {
      userId: user.id,
      form,
      params: { programId: String(program.id) },
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/manage/programs/${program.id}`);

    const after = await db()
      .selectFrom("programCategory")
      .select(["id", "name", "quota"])
      .where("programId", "=", program.id)
      .orderBy("position")
      .execute();
    expect(after.map((row) => row.name)).toEqual(["儿童关爱（含四点半课堂）", "社区治理"]);
    expect(after[0]).toMatchObject({ id: categories[1]!.id, quota: 5 });
    const sources = await db()
      .selectFrom("fundingSource")
      .select(["name", "amountFen"])
      .where("programId", "=", program.id)
      .execute();
    expect(sources).toEqual([{ name: "南七街道社区慈善基金", amountFen: 20_000_000 }]);
    const stored = await db()
      .selectFrom("program")
      .select(["title", "status"])
      .where("id", "=", program.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ title: "改名后的创投大赛", status: "draft" });

    const audit = await db()
      .selectFrom("auditEvent")
      .selectAll()
      .where("action", "=", "program.updated")
      .where("entityId", "=", program.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before ?? "{}")).toMatchObject({ title: program.title });
    expect(JSON.parse(audit.after ?? "{}")).toMatchObject({ title: "改名后的创投大赛" });
  });

  test("a refused edit keeps the stored program and writes nothing", async () => {
    const { user, funderId } = await createManager(db());
    const program = await draftOf(funderId);
    const before = await programFootprint();
    const result = await callRoute(editAction, editPath(program.id), {
      userId: user.id,
      form: programFormBody({ grantMin: "5万", grantMax: "3万", title: "不会保存的标题" }),
      params: { programId: String(program.id) },
    });
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.grantMin).toBe("最低资助不能高于最高资助");
    expect(await programFootprint()).toEqual(before);
    const stored = await db()
      .selectFrom("program")
      .select("title")
      .where("id", "=", program.id)
      .executeTakeFirstOrThrow();
    expect(stored.title).toBe(program.title);
  });

  test("a manager of another funder and an applicant get a 404 and change nothing; an admin may not edit", async () => {
    const { funderId } = await createManager(db());
    const program = await draftOf(funderId);
    const { user: otherManager } = await createManager(db());
    const { user: applicant } = await createApplicant(db());
    const admin = await createUser(db(), { isPlatformAdmin: true });
    const before = await programFootprint();
    const params = { programId: String(program.id) };
    for (const userId of [otherManager.id, applicant.id]) {
      expect((await callRoute(editLoader, editPath(program.id), { userId, params })).status).toBe(404);
      expect(
        (await callRoute(editAction, editPath(program.id), { userId, params, form: programFormBody() })).status,
      ).toBe(404);
    }
    expect((await callRoute(editLoader, editPath(program.id), { userId: admin.id, params })).status).toBe(403);
    expect(
      (await callRoute(editAction, editPath(program.id), { userId: admin.id, params, form: programFormBody() })).status,
    ).toBe(403);
    expect(await programFootprint()).toEqual(before);
  });

  test("an open program's focus areas and target groups that proposals use are edited in place, never removed", async () => {
    const { user, funderId } = await createManager(db());
    const program = await createProgram(db(), { funderId, status: "open" });
    const { user: applicant, organizationId } = await createApplicant(db());
    const proposal = await createProposal(db(), { programId: program.id, organizationId, createdBy: applicant.id });
    const used = await db()
      .selectFrom("programCategory")
      .select(["id", "name"])
      .where("id", "=", proposal.programCategoryId!)
      .executeTakeFirstOrThrow();
    const params = { programId: String(program.id) };

    // Renaming the used focus area keeps its row, so the proposal still points at it.
    const renamed = await callRoute(editAction, editPath(program.id), {
      userId: user.id,
      params,
      form: programFormBody({ "categories.0.id": String(used.id), "categories.0.name": "为老服务（含助餐）" }),
    });
    expect(renamed.status).toBe(302);
    const category = await db()
      .selectFrom("programCategory")
      .select("name")
      .where("id", "=", used.id)
      .executeTakeFirstOrThrow();
    expect(category.name).toBe("为老服务（含助餐）");

    // Dropping it (and the 一老 target group the proposal chose) is refused as a whole.
    const before = await programFootprint();
    const removed = await callRoute(editAction, editPath(program.id), {
      userId: user.id,
      params,
      form: programFormBody({ "categories.0.id": "", targetGroups: ["children"], title: "不会保存" }),
    });
    expect(removed.status).toBe(409);
    expect(removed.data.formError).toBe(
      "“为老服务（含助餐）”“一老（老年人）”已有申报书使用，不能删除，已放回表单。请检查其他修改后再保存。",
    );
    expect(removed.data.values.title).toBe("不会保存");
    // The rows are back in the form as they were stored, so saving again keeps them.
    expect(removed.data.values.categories).toContainEqual(
      expect.objectContaining({ id: String(used.id), name: "为老服务（含助餐）" }),
    );
    expect(removed.data.values.targetGroups).toEqual(["children", "elderly"]);
    expect(await programFootprint()).toEqual(before);
    const stored = await db()
      .selectFrom("program")
      .select("title")
      .where("id", "=", program.id)
      .executeTakeFirstOrThrow();
    expect(stored.title).not.toBe("不会保存");

    // Removed and typed in again under the same name, it is the same focus area, and the edit goes through.
    const retyped = await callRoute(editAction, editPath(program.id), {
      userId: user.id,
      params,
      form: programFormBody({ "categories.0.id": "", "categories.0.name": "为老服务（含助餐）" }),
    });
    expect(retyped.status).toBe(302);
    const kept = await db()
      .selectFrom("programCategory")
      .select("id")
      .where("programId", "=", program.id)
      .where("name", "=", "为老服务（含助餐）")
      .execute();
    expect(kept).toEqual([{ id: used.id }]);
  });

  test("a focus area and a target group chosen only in a returned proposal's revision are in use too", async () => {
    const { user, funderId } = await createManager(db());
    const program = await createProgram(db(), { funderId, status: "open" });
    const { user: applicant, organizationId } = await createApplicant(db());
    const [elderlyCare, , hardship] = await db()
      .selectFrom("programCategory")
      .selectAll()
      .where("programId", "=", program.id)
      .orderBy("position")
      .execute();
    const [elderly, , , disabled] = await db()
      .selectFrom("programTargetGroup")
      .selectAll()
      .where("programId", "=", program.id)
      .orderBy("position")
      .execute();
    if (!elderlyCare || !hardship || !elderly || !disabled) throw new Error("the factory's program changed");
    const returned = await createProposal(db(), {
      programId: program.id,
      organizationId,
      createdBy: applicant.id,
      status: "returned",
      content: { programCategoryId: elderlyCare.id, targetGroupIds: [elderly.id] },
    });
    const loaded = await loadProposal(returned.id, { withRevision: true });
    if (!loaded) throw new Error("proposal vanished");
    const revised = { ...loaded.content, programCategoryId: hardship.id, targetGroupIds: [disabled.id] };
    expect(
      (await saveDraft({ proposalId: returned.id, userId: applicant.id, content: revised, audit: false })).ok,
    ).toBe(true);

    // The default form keeps 为老服务 and 儿童关爱 and drops 困难帮扶 and 助残服务; without 一残 the revision's choices go.
    const before = await programFootprint();
    const removed = await callRoute(editAction, editPath(program.id), {
      userId: user.id,
      params: { programId: String(program.id) },
      form: programFormBody({ targetGroups: ["elderly", "children", "needy"] }),
    });
    expect(removed.status).toBe(409);
    expect(removed.data.formError).toBe(
      "“困难帮扶”“一残（残疾人）”已有申报书使用，不能删除，已放回表单。请检查其他修改后再保存。",
    );
    expect(await programFootprint()).toEqual(before);
  });

  test("a program past the open stage can no longer be edited", async () => {
    const { user, funderId } = await createManager(db());
    const program = await createProgram(db(), { funderId, status: "reviewing" });
    const params = { programId: String(program.id) };
    expect((await callRoute(editLoader, editPath(program.id), { userId: user.id, params })).status).toBe(403);
    const result = await callRoute(editAction, editPath(program.id), {
      userId: user.id,
      params,
      form: programFormBody({ title: "改不了" }),
    });
    expect(result.status).toBe(403);
  });
});
