// The admin creates and edits funders: one transaction with its audit event, or field errors and nothing written.
import { beforeAll, describe, expect, test } from "vitest";
import { action as editAction, loader as editLoader } from "~/features/admin/funder-edit.route";
import { action as newAction } from "~/features/admin/funder-new.route";
import { loader as listLoader } from "~/features/admin/funders.route";
import { db } from "~/lib/db.server";
import { createFunder, createManager, createUser } from "../factories";
import { callRoute, countRows } from "../support/routes";

let adminId: number;

beforeAll(async () => {
  adminId = (await createUser(db(), { isPlatformAdmin: true })).id;
});

const validFunder = {
  name: "合肥市包河区民政局",
  kind: "civil_affairs",
  province: "安徽省",
  city: "合肥市",
  district: "包河区",
  street: "",
  contactName: "赵科长",
  contactPhone: "139 0551 0088",
};

async function auditFor(entityId: number, action: string) {
  return db()
    .selectFrom("auditEvent")
    .selectAll()
    .where("entityType", "=", "funder")
    .where("entityId", "=", entityId)
    .where("action", "=", action)
    .execute();
}

describe("creating a funder", () => {
  test("saves the funder with its region and contact, and records funder.created", async () => {
    const result = await callRoute(newAction, "/admin/funders/new", { userId: adminId, form: validFunder });
    expect(result.status).toBe(302);
    const funderId = Number(result.location?.split("/").pop());
    const funder = await db().selectFrom("funder").selectAll().where("id", "=", funderId).executeTakeFirstOrThrow();
    expect(funder).toMatchObject({
      name: "合肥市包河区民政局",
      kind: "civil_affairs",
      district: "包河区",
      street: null,
      contactPhone: "13905510088",
    });
    const [event] = await auditFor(funderId, "funder.created");
    expect(event?.actorUserId).toBe(adminId);
    expect(JSON.parse(event?.after ?? "{}")).toMatchObject({ name: "合肥市包河区民政局", kind: "civil_affairs" });
  });

  test.each([
    ["a missing name", { name: "  " }, "name", "此项为必填"],
    ["an unknown kind", { kind: "company" }, "kind", "请从列表中选择"],
    [
      "a landline instead of a mobile",
      { contactPhone: "0551-6288 0000" },
      "contactPhone",
      "请输入有效的中国大陆手机号（11 位，以 1 开头）",
    ],
    ["a missing province", { province: "" }, "province", "此项为必填"],
  ])("refuses %s with a message next to the field and writes nothing", async (_case, change, field, message) => {
    const [funders, events] = [await db().selectFrom("funder").select("id").execute(), await countRows("auditEvent")];
    const form = { ...validFunder, ...change };
    const result = await callRoute<{ fieldErrors: Record<string, string>; values: Record<string, string> }>(
      newAction,
      "/admin/funders/new",
      { userId: adminId, form },
    );
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors[field]).toBe(message);
    expect(result.data.values).toMatchObject(form);
    expect(await db().selectFrom("funder").select("id").execute()).toHaveLength(funders.length);
    expect(await countRows("auditEvent")).toBe(events);
  });

  test("answers in English when the request asks for it", async () => {
    const result = await callRoute<{ fieldErrors: Record<string, string> }>(newAction, "/admin/funders/new", {
      userId: adminId,
      form: { ...validFunder, contactPhone: "12345" },
      headers: { "Accept-Language": "en" },
    });
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.contactPhone).toMatch(/mobile/i);
  });
});

describe("editing a funder", () => {
  test("saves the change and records the fields before and after", async () => {
    const funder = await createFunder(db(), { name: "合肥市蜀山区慈善协会", kind: "charity_federation" });
    const path = `/admin/funders/${funder.id}`;
    const result = await callRoute(editAction, path, {
      userId: adminId,
      params: { funderId: String(funder.id) },
      form: { ...validFunder, intent: "update", name: "合肥市蜀山区慈善会", kind: "charity_federation" },
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe(path);
    const [event] = await auditFor(funder.id, "funder.updated");
    expect(JSON.parse(event?.before ?? "{}")).toMatchObject({ name: "合肥市蜀山区慈善协会" });
    expect(JSON.parse(event?.after ?? "{}")).toMatchObject({ name: "合肥市蜀山区慈善会" });
  });

  test("refuses a bad edit without touching the funder", async () => {
    const funder = await createFunder(db(), { name: "原名称" });
    const result = await callRoute<{ intent: string; fieldErrors: Record<string, string> }>(
      editAction,
      `/admin/funders/${funder.id}`,
      {
        userId: adminId,
        params: { funderId: String(funder.id) },
        form: { ...validFunder, intent: "update", name: "" },
      },
    );
    expect(result.status).toBe(400);
    expect(result.data.intent).toBe("update");
    expect(result.data.fieldErrors.name).toBeDefined();
    const stored = await db().selectFrom("funder").select("name").where("id", "=", funder.id).executeTakeFirstOrThrow();
    expect(stored.name).toBe("原名称");
    expect(await auditFor(funder.id, "funder.updated")).toHaveLength(0);
  });

  test("an unknown or malformed funder id is a 404", async () => {
    for (const funderId of ["999999", "abc", "0"]) {
      const result = await callRoute(editLoader, `/admin/funders/${funderId}`, {
        userId: adminId,
        params: { funderId },
      });
      expect(result.status).toBe(404);
    }
  });

  test("removes a manager with funder.manager_removed, and a second removal is refused", async () => {
    const { user, funderId } = await createManager(db());
    const request = {
      userId: adminId,
      params: { funderId: String(funderId) },
      form: { intent: "removeManager", userId: String(user.id) },
    };
    expect((await callRoute(editAction, `/admin/funders/${funderId}`, request)).status).toBe(302);
    const members = await db().selectFrom("funderMember").select("userId").where("funderId", "=", funderId).execute();
    expect(members).toHaveLength(0);
    const [event] = await auditFor(funderId, "funder.manager_removed");
    expect(JSON.parse(event?.before ?? "{}")).toMatchObject({ userId: user.id, email: user.email });
    expect((await callRoute(editAction, `/admin/funders/${funderId}`, request)).status).toBe(409);
  });
});

describe("the funder list", () => {
  test("finds funders by part of the name, with their manager and program counts", async () => {
    const funder = await createFunder(db(), { name: "芜湖市镜湖区弋矶山街道办事处" });
    await createManager(db(), { funderId: funder.id });
    const result = await callRoute<{ funders: { id: number; managerCount: number }[]; pageInfo: { total: number } }>(
      listLoader,
      `/admin/funders?q=${encodeURIComponent("弋矶山")}`,
      { userId: adminId },
    );
    expect(result.data.funders.map((row) => row.id)).toEqual([funder.id]);
    expect(result.data.funders[0]?.managerCount).toBe(1);
    expect(result.data.pageInfo.total).toBe(1);
  });

  test("treats % and _ in the search as plain characters", async () => {
    const result = await callRoute<{ funders: unknown[] }>(listLoader, "/admin/funders?q=%25", { userId: adminId });
    expect(result.data.funders).toHaveLength(0);
  });
});
