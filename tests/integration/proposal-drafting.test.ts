// Drafting a proposal: starting one for an eligible organisation, saving drafts (blank rows ignored, malformed
// values refused with nothing written), checking before submission with errors at the form's own row positions,
// autosave, attachments typed from their bytes, who may read, download or change a proposal, and getting typed
// work back after the session expired.
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, test } from "vitest";
import { action as applyAction, loader as applyLoader } from "~/features/proposals/apply.route";
import { loader as downloadLoader } from "~/features/proposals/attachment-download.route";
import { action as editAction, loader as editLoader } from "~/features/proposals/proposal-edit.route";
import { loader as viewLoader } from "~/features/proposals/proposal-view.route";
import { db } from "~/lib/db.server";
import {
  createApplicant,
  createAttachment,
  createFunder,
  createManager,
  createOrganization,
  createProgram,
  createProposal,
} from "../factories";
import { BASE_URL, callRoute, cookieFor, countRows } from "../support/routes";

let program: Awaited<ReturnType<typeof createProgram>>;
let applicant: Awaited<ReturnType<typeof createApplicant>>;
let groupIds: number[];
let categoryIds: number[];

beforeEach(async () => {
  const funder = await createFunder(db());
  program = await createProgram(db(), { funderId: funder.id });
  applicant = await createApplicant(db());
  groupIds = (
    await db()
      .selectFrom("programTargetGroup")
      .select("id")
      .where("programId", "=", program.id)
      .orderBy("position")
      .execute()
  ).map((r) => r.id);
  categoryIds = (
    await db()
      .selectFrom("programCategory")
      .select("id")
      .where("programId", "=", program.id)
      .orderBy("position")
      .execute()
  ).map((r) => r.id);
});

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

/** One of the applicant's proposals in the program, with the factory's realistic content, in the given state. */
function applicantProposal(status: string) {
  return createProposal(db(), {
    programId: program.id,
    organizationId: applicant.organizationId,
    createdBy: applicant.user.id,
    status,
  });
}

function draftFor() {
  return applicantProposal("draft");
}

function edit(
  proposalId: number,
  userId: number | undefined,
  form: Record<string, string | string[]> | FormData,
  headers?: Record<string, string>,
) {
  return callRoute(editAction, `/proposals/${proposalId}/edit`, {
    userId,
    form,
    params: { proposalId: String(proposalId) },
    headers,
  });
}

async function rows(proposalId: number) {
  const [proposal, lines, milestones, groups] = await Promise.all([
    db().selectFrom("proposal").selectAll().where("id", "=", proposalId).executeTakeFirstOrThrow(),
    db().selectFrom("budgetLine").selectAll().where("proposalId", "=", proposalId).orderBy("position").execute(),
    db().selectFrom("milestone").selectAll().where("proposalId", "=", proposalId).orderBy("position").execute(),
    db()
      .selectFrom("proposalTargetGroup")
      .select("programTargetGroupId")
      .where("proposalId", "=", proposalId)
      .execute(),
  ]);
  return { proposal, lines, milestones, groups: groups.map((g) => g.programTargetGroupId) };
}

/** The form as the page posts it without JavaScript: a filled row, then the spare blank rows. */
function draftForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const spare = (prefix: string, fields: string[]) =>
    Object.fromEntries(fields.map((field) => [`${prefix}.${field}`, ""]));
  return {
    intent: "save",
    title: "四点半课堂",
    programCategoryId: String(categoryIds[1]),
    targetGroupIds: [String(groupIds[1])],
    serviceCommunity: "幸福社区",
    startsOn: program.implementationStartsOn,
    endsOn: program.implementationEndsOn,
    expectedBeneficiaries: "40",
    summary: "为双职工家庭儿童提供放学后看护和作业辅导。",
    "budgetLines.0.category": "activity_materials",
    "budgetLines.0.item": "文具和绘本",
    "budgetLines.0.unitPrice": "1.2万",
    "budgetLines.0.quantity": "0.25",
    "budgetLines.0.unit": "批",
    "budgetLines.0.fundingSource": "grant",
    "budgetLines.0.basis": "按季度采购",
    ...spare("budgetLines.1", ["category", "item", "unitPrice", "quantity", "unit", "basis"]),
    "budgetLines.1.fundingSource": "grant",
    "budgetLines.2.category": "publicity",
    "budgetLines.2.item": "招募海报",
    "budgetLines.2.unitPrice": "80",
    "budgetLines.2.quantity": "5",
    "budgetLines.2.unit": "张",
    "budgetLines.2.fundingSource": "self_raised",
    "budgetLines.2.basis": "",
    ...spare("milestones.0", ["title", "dueOn", "deliverable"]),
    "milestones.1.title": "开班",
    "milestones.1.dueOn": program.implementationStartsOn,
    "milestones.1.deliverable": "签到表",
    ...overrides,
  };
}

describe("starting a proposal", () => {
  test("a member picks one of their eligible organisations and gets an empty draft", async () => {
    const loaded = await callRoute(applyLoader, `/programs/${program.id}/apply`, {
      userId: applicant.user.id,
      params: { programId: String(program.id) },
    });
    expect(loaded.data.organizations).toEqual([
      expect.objectContaining({ id: applicant.organizationId, problems: [] }),
    ]);

    const result = await callRoute(applyAction, `/programs/${program.id}/apply`, {
      userId: applicant.user.id,
      form: { organizationId: String(applicant.organizationId) },
      params: { programId: String(program.id) },
    });
    const created = await db()
      .selectFrom("proposal")
      .selectAll()
      .where("organizationId", "=", applicant.organizationId)
      .executeTakeFirstOrThrow();
    expect(result.location).toBe(`/proposals/${created.id}/edit`);
    expect(created).toMatchObject({
      status: "draft",
      programId: program.id,
      createdBy: applicant.user.id,
      number: null,
    });
  });

  test("an organisation the user is not a member of is refused", async () => {
    const other = await createOrganization(db());
    const result = await callRoute(applyAction, `/programs/${program.id}/apply`, {
      userId: applicant.user.id,
      form: { organizationId: String(other.id) },
      params: { programId: String(program.id) },
    });
    expect(result.status).toBe(403);
  });

  test("an organisation of a kind the program does not take is told why and gets nothing", async () => {
    await db()
      .updateTable("program")
      .set({ eligibleKinds: JSON.stringify(["registered"]) })
      .where("id", "=", program.id)
      .execute();
    const result = await callRoute(applyAction, `/programs/${program.id}/apply`, {
      userId: applicant.user.id,
      form: { organizationId: String(applicant.organizationId) },
      params: { programId: String(program.id) },
    });
    expect(result.status).toBe(400);
    expect(result.data.formError).toContain("不接受");
    expect(
      await db().selectFrom("proposal").select("id").where("organizationId", "=", applicant.organizationId).execute(),
    ).toEqual([]);
  });
});

describe("saving a draft", () => {
  test("stores the rows typed, skips blank ones, and keeps the budget totals", async () => {
    const draft = await draftFor();
    const result = await edit(draft.id, applicant.user.id, draftForm());
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/proposals/${draft.id}/edit`);

    const stored = await rows(draft.id);
    expect(stored.proposal).toMatchObject({
      title: "四点半课堂",
      grantRequestedFen: 300_000,
      totalBudgetFen: 340_000,
      status: "draft",
    });
    expect(stored.lines.map((line) => [line.item, line.unitPriceFen, line.quantityHundredths, line.amountFen])).toEqual(
      [
        ["文具和绘本", 1_200_000, 25, 300_000],
        ["招募海报", 8_000, 500, 40_000],
      ],
    );
    expect(stored.milestones.map((m) => m.title)).toEqual(["开班"]);
    expect(stored.groups).toEqual([groupIds[1]]);
    const saved = await db()
      .selectFrom("auditEvent")
      .select("action")
      .where("entityId", "=", draft.id)
      .where("action", "=", "proposal.draft_saved")
      .execute();
    expect(saved).toHaveLength(1);
  });

  test("an incomplete draft is saved as it is", async () => {
    const draft = await draftFor();
    const result = await edit(draft.id, applicant.user.id, { intent: "save", title: "只写了标题" });
    expect(result.status).toBe(302);
    const stored = await rows(draft.id);
    expect(stored.proposal.title).toBe("只写了标题");
    expect(stored.lines).toEqual([]);
  });

  test("a malformed amount is refused next to its field, every value comes back, and nothing is written", async () => {
    const draft = await draftFor();
    const before = await rows(draft.id);
    const result = await edit(
      draft.id,
      applicant.user.id,
      draftForm({ "budgetLines.2.unitPrice": "12.345", title: "改了标题" }),
    );
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors).toEqual({ "budgetLines.2.unitPrice": "金额最多保留两位小数（精确到分）" });
    expect(result.data.values.title).toBe("改了标题");
    expect(result.data.values.budgetLines[2].unitPrice).toBe("12.345");
    expect(await rows(draft.id)).toEqual(before);
  });

  test("a focus area of another program is refused", async () => {
    const draft = await draftFor();
    const other = await createProgram(db(), { funderId: program.funderId });
    const foreign = await db()
      .selectFrom("programCategory")
      .select("id")
      .where("programId", "=", other.id)
      .executeTakeFirstOrThrow();
    const result = await edit(draft.id, applicant.user.id, draftForm({ programCategoryId: String(foreign.id) }));
    expect(result.status).toBe(400);
    expect(Object.keys(result.data.fieldErrors)).toEqual(["programCategoryId"]);
  });

  test("a returned proposal's form saves and autosaves into its revision; its rows keep what was handed in", async () => {
    const returned = await applicantProposal("returned");
    const handedIn = await rows(returned.id);
    const revisionTitle = async () =>
      (
        await db()
          .selectFrom("proposalRevision")
          .select("title")
          .where("proposalId", "=", returned.id)
          .executeTakeFirst()
      )?.title;

    const autosaved = await edit(
      returned.id,
      applicant.user.id,
      draftForm({ intent: "autosave", title: "修订中的标题" }),
    );
    expect(autosaved.status).toBe(200);
    expect(await revisionTitle()).toBe("修订中的标题");
    const saved = await edit(returned.id, applicant.user.id, draftForm({ title: "修订后的标题" }));
    expect(saved.status).toBe(302);
    expect(await revisionTitle()).toBe("修订后的标题");

    const after = await rows(returned.id);
    expect({ ...after, proposal: { ...after.proposal, updatedAt: null } }).toEqual({
      ...handedIn,
      proposal: { ...handedIn.proposal, updatedAt: null },
    });
    const page = await callRoute(editLoader, `/proposals/${returned.id}/edit`, {
      userId: applicant.user.id,
      params: { proposalId: String(returned.id) },
    });
    expect(page.data.defaults).toMatchObject({ title: "修订后的标题", serviceCommunity: "幸福社区" });
  });

  test("autosave stores the draft without an audit event and answers with the time", async () => {
    const draft = await draftFor();
    const result = await edit(draft.id, applicant.user.id, draftForm({ intent: "autosave", title: "自动保存的标题" }));
    expect(result.status).toBe(200);
    expect(result.data.autosavedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await rows(draft.id)).proposal.title).toBe("自动保存的标题");
    expect(
      await db()
        .selectFrom("auditEvent")
        .select("id")
        .where("entityId", "=", draft.id)
        .where("action", "=", "proposal.draft_saved")
        .execute(),
    ).toEqual([]);
  });

  test("a submitted proposal cannot be changed", async () => {
    const submitted = await applicantProposal("submitted");
    const result = await edit(submitted.id, applicant.user.id, draftForm());
    expect(result.location).toBe(`/proposals/${submitted.id}`);
    expect((await rows(submitted.id)).proposal.title).toBe(submitted.title);
    const page = await callRoute(editLoader, `/proposals/${submitted.id}/edit`, {
      userId: applicant.user.id,
      params: { proposalId: String(submitted.id) },
    });
    expect(page.location).toBe(`/proposals/${submitted.id}`);
  });
});

describe("checking before submission", () => {
  test("saves the draft, then names each problem at the row the form shows, blank rows counted", async () => {
    const draft = await draftFor();
    const late = new Date(Date.parse(`${program.implementationEndsOn}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const result = await edit(
      draft.id,
      applicant.user.id,
      draftForm({ intent: "check", "milestones.1.dueOn": late, "budgetLines.2.category": "" }),
    );
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors).toMatchObject({
      "milestones.1.dueOn": expect.stringContaining("须在项目周期"),
      "budgetLines.2.category": "此项为必填",
      teamMembers: expect.any(String),
      indicatorTargets: expect.any(String),
      needs: "此项为必填",
    });
    expect(result.data.values.milestones[1].dueOn).toBe(late);
    // Nothing typed is lost: the draft was saved before the check.
    expect((await rows(draft.id)).milestones.map((m) => m.dueOn)).toEqual([late]);
  });

  test("a complete draft goes on to the confirmation page", async () => {
    const draft = await draftFor();
    const result = await edit(draft.id, applicant.user.id, { intent: "check" });
    // Posting an empty form saved an empty draft, which the check then refuses.
    expect(result.status).toBe(400);
    const again = await draftFor();
    const loaded = await callRoute(editLoader, `/proposals/${again.id}/edit`, {
      userId: applicant.user.id,
      params: { proposalId: String(again.id) },
    });
    const form = flatten(loaded.data.defaults);
    const checked = await edit(again.id, applicant.user.id, { ...form, intent: "check" });
    expect(checked.status).toBe(302);
    expect(checked.location).toBe(`/proposals/${again.id}/submit`);
  });
});

/** Form values ({ budgetLines: [{ item }] }) as the field names a form posts ("budgetLines.0.item"). */
function flatten(values: unknown, prefix = ""): Record<string, string | string[]> {
  if (typeof values === "string") return { [prefix]: values };
  if (Array.isArray(values) && values.every((item) => typeof item === "string")) return { [prefix]: values };
  const entries = Array.isArray(values)
    ? values.map((item, index) => [String(index), item] as const)
    : Object.entries(values as object);
  return Object.assign({}, ...entries.map(([key, item]) => flatten(item, prefix ? `${prefix}.${key}` : key)));
}

describe("attachments", () => {
  function withFiles(
    files: { name: string; bytes: Buffer; type?: string }[],
    fields: Record<string, string> = { intent: "save" },
  ) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const file of files)
      form.append(
        "newAttachments",
        new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "application/octet-stream" }),
      );
    return form;
  }

  test("a PDF and a spreadsheet are stored with the type read from their bytes, and download again", async () => {
    const draft = await draftFor();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("预算").addRow(["项目", "金额"]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await edit(
      draft.id,
      applicant.user.id,
      withFiles([
        { name: "申报书盖章页.pdf", bytes: PDF, type: "application/pdf" },
        { name: "预算表.xlsx", bytes: xlsx },
      ]),
    );
    expect(result.status).toBe(302);
    // Back at the attachments, where the list shows the new files, not at the top of a long form.
    expect(result.location).toBe(`/proposals/${draft.id}/edit#section-attachments`);
    const stored = await db()
      .selectFrom("attachment")
      .selectAll()
      .where("proposalId", "=", draft.id)
      .orderBy("id")
      .execute();
    expect(stored.map((a) => [a.originalName, a.mimeType, a.sizeBytes])).toEqual([
      ["申报书盖章页.pdf", "application/pdf", PDF.byteLength],
      ["预算表.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.byteLength],
    ]);
    expect(stored[0]?.storedName).toMatch(/^[0-9a-f]{32}\.pdf$/);

    const download = await callRoute(downloadLoader, `/proposals/${draft.id}/attachments/${stored[0]?.id}`, {
      userId: applicant.user.id,
      params: { proposalId: String(draft.id), attachmentId: String(stored[0]?.id) },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("申报书盖章页.pdf")}`,
    );
    expect(download.data).toContain("%PDF-1.4");
  });

  test("a text file named like a PDF is refused next to the file input and not stored", async () => {
    const draft = await draftFor();
    const result = await edit(
      draft.id,
      applicant.user.id,
      withFiles([{ name: "x.pdf", bytes: Buffer.from("just some text, not a PDF"), type: "application/pdf" }]),
    );
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.newAttachments).toContain("x.pdf");
    expect(await db().selectFrom("attachment").select("id").where("proposalId", "=", draft.id).execute()).toEqual([]);
  });

  test("no more than ten per proposal", async () => {
    const draft = await draftFor();
    for (let i = 0; i < 10; i += 1)
      await createAttachment(db(), { proposalId: draft.id, uploadedBy: applicant.user.id });
    const eleventh = Buffer.concat([PDF, Buffer.from("% another file\n")]);
    const result = await edit(draft.id, applicant.user.id, withFiles([{ name: "第十一个.pdf", bytes: eleventh }]));
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.newAttachments).toContain("10");
    expect(await db().selectFrom("attachment").select("id").where("proposalId", "=", draft.id).execute()).toHaveLength(
      10,
    );
  });

  test("the same file posted twice is attached once", async () => {
    const draft = await draftFor();
    await edit(draft.id, applicant.user.id, withFiles([{ name: "盖章页.pdf", bytes: PDF }]));
    await edit(draft.id, applicant.user.id, withFiles([{ name: "盖章页（重复）.pdf", bytes: PDF }]));
    const stored = await db()
      .selectFrom("attachment")
      .select("originalName")
      .where("proposalId", "=", draft.id)
      .execute();
    expect(stored).toEqual([{ originalName: "盖章页.pdf" }]);
  });

  test("removing one before the first submission deletes it", async () => {
    const draft = await draftFor();
    const attachment = await createAttachment(db(), { proposalId: draft.id, uploadedBy: applicant.user.id });
    const result = await edit(draft.id, applicant.user.id, { removeAttachment: String(attachment.id) });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/proposals/${draft.id}/edit#section-attachments`);
    expect(await db().selectFrom("attachment").select("id").where("proposalId", "=", draft.id).execute()).toEqual([]);
  });
});

describe("who may read, download or change a proposal", () => {
  async function setUp() {
    const draft = await draftFor();
    const attachment = await createAttachment(db(), { proposalId: draft.id, uploadedBy: applicant.user.id });
    const outsider = await createApplicant(db());
    const otherManager = await createManager(db());
    const ownManager = await createManager(db(), { funderId: program.funderId });
    return { draft, attachment, outsider, otherManager, ownManager };
  }

  const params = (proposalId: number, attachmentId?: number) => ({
    proposalId: String(proposalId),
    ...(attachmentId ? { attachmentId: String(attachmentId) } : {}),
  });

  test("another organisation's member and a manager of another funder get 404 everywhere, and nothing changes", async () => {
    const { draft, attachment, outsider, otherManager } = await setUp();
    await db().updateTable("proposal").set({ status: "submitted" }).where("id", "=", draft.id).execute();
    for (const userId of [outsider.user.id, otherManager.user.id]) {
      const view = await callRoute(viewLoader, `/proposals/${draft.id}`, { userId, params: params(draft.id) });
      const download = await callRoute(downloadLoader, `/proposals/${draft.id}/attachments/${attachment.id}`, {
        userId,
        params: params(draft.id, attachment.id),
      });
      const change = await edit(draft.id, userId, draftForm({ title: "被篡改" }));
      expect([view.status, download.status, change.status]).toEqual([404, 404, 404]);
    }
    expect((await rows(draft.id)).proposal.title).toBe(draft.title);
  });

  test("the program's own managers see it once submitted, download its files, but cannot edit it", async () => {
    const { draft, attachment, ownManager } = await setUp();
    const asManager = { userId: ownManager.user.id };
    // A draft is the applicant's own unfinished work.
    expect(
      (await callRoute(viewLoader, `/proposals/${draft.id}`, { ...asManager, params: params(draft.id) })).status,
    ).toBe(404);

    await db().updateTable("proposal").set({ status: "submitted" }).where("id", "=", draft.id).execute();
    expect(
      (await callRoute(viewLoader, `/proposals/${draft.id}`, { ...asManager, params: params(draft.id) })).status,
    ).toBe(200);
    const download = await callRoute(downloadLoader, `/proposals/${draft.id}/attachments/${attachment.id}`, {
      ...asManager,
      params: params(draft.id, attachment.id),
    });
    expect(download.status).toBe(200);
    expect((await edit(draft.id, ownManager.user.id, draftForm())).status).toBe(403);
  });

  test("an attachment id of another proposal is not found through this one", async () => {
    const { draft } = await setUp();
    const other = await draftFor();
    const foreign = await createAttachment(db(), { proposalId: other.id, uploadedBy: applicant.user.id });
    const result = await callRoute(downloadLoader, `/proposals/${draft.id}/attachments/${foreign.id}`, {
      userId: applicant.user.id,
      params: params(draft.id, foreign.id),
    });
    expect(result.status).toBe(404);
  });
});

describe("a session that expired while typing", () => {
  test("keeps what was posted, sends the user to sign in, and restores it on the same form afterwards", async () => {
    const draft = await draftFor();
    // The browser still sends its old session cookie, which no longer matches a session.
    const staleCookie = await cookieFor(applicant.user.id);
    await db().deleteFrom("session").where("userId", "=", applicant.user.id).execute();

    const result = await edit(draft.id, undefined, draftForm({ title: "登录过期前写的标题" }), { Cookie: staleCookie });

    expect(result.status).toBe(302);
    const signIn = new URL(result.location ?? "", BASE_URL);
    expect(signIn.pathname).toBe("/sign-in");
    const returnTo = signIn.searchParams.get("redirectTo") ?? "";
    expect(returnTo).toMatch(new RegExp(`^/proposals/${draft.id}/edit\\?restore=`));
    expect((await rows(draft.id)).proposal.title).toBe(draft.title);

    const stashCookie = (result.headers.get("set-cookie") ?? "").match(/__draft_stash=[^;]+/)?.[0] ?? "";
    expect(stashCookie).not.toBe("");
    const signedIn = await cookieFor(applicant.user.id);
    const page = await callRoute(editLoader, returnTo, {
      params: { proposalId: String(draft.id) },
      headers: { Cookie: `${signedIn}; ${stashCookie}` },
    });
    expect(page.status).toBe(200);
    expect(page.data.restored.values.title).toBe("登录过期前写的标题");
    expect(page.data.restored.values.budgetLines[0].unitPrice).toBe("1.2万");

    // Without this browser's cookie, the address alone restores nothing.
    const elsewhere = await callRoute(editLoader, returnTo, {
      userId: applicant.user.id,
      params: { proposalId: String(draft.id) },
    });
    expect(elsewhere.data.restored).toBeNull();
  });

  test("a session keeps one stash: a later save replaces the earlier one", async () => {
    const draft = await draftFor();
    const staleCookie = await cookieFor(applicant.user.id);
    await db().deleteFrom("session").where("userId", "=", applicant.user.id).execute();
    const before = await countRows("draftStash");

    const first = await edit(draft.id, undefined, draftForm({ title: "第一次" }), { Cookie: staleCookie });
    const second = await edit(draft.id, undefined, draftForm({ title: "第二次" }), { Cookie: staleCookie });

    expect(await countRows("draftStash")).toBe(before + 1);
    expect(second.location).toBe(first.location);
    const returnTo = new URL(second.location ?? "", BASE_URL).searchParams.get("redirectTo") ?? "";
    const stashCookie = (second.headers.get("set-cookie") ?? "").match(/__draft_stash=[^;]+/)?.[0] ?? "";
    const page = await callRoute(editLoader, returnTo, {
      params: { proposalId: String(draft.id) },
      headers: { Cookie: `${await cookieFor(applicant.user.id)}; ${stashCookie}` },
    });
    expect(page.data.restored.values.title).toBe("第二次");
  });

  test("a session cookie this server did not sign gets no stash", async () => {
    const draft = await draftFor();
    const before = await countRows("draftStash");
    const result = await edit(draft.id, undefined, draftForm({ title: "伪造" }), { Cookie: "__session=forged" });
    expect(result.status).toBe(302);
    expect(result.headers.get("set-cookie") ?? "").not.toContain("__draft_stash=");
    expect(await countRows("draftStash")).toBe(before);
  });

  test("an autosave without a session says so instead of navigating away", async () => {
    const draft = await draftFor();
    const staleCookie = await cookieFor(applicant.user.id);
    await db().deleteFrom("session").where("userId", "=", applicant.user.id).execute();
    const result = await edit(draft.id, undefined, draftForm({ intent: "autosave" }), { Cookie: staleCookie });
    expect(result.status).toBe(401);
    expect(result.data).toMatchObject({
      autosave: "signedOut",
      signInUrl: expect.stringContaining("/sign-in?redirectTo="),
    });
  });
});
