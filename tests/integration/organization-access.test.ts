// Who may see and change an organisation: members see it, owners edit it, everyone else is told it does not exist.
import { beforeAll, describe, expect, test } from "vitest";
import { loader as detailLoader } from "~/features/organizations/organization-detail.route";
import { action as editAction, loader as editLoader } from "~/features/organizations/organization-edit.route";
import { action as membersAction, loader as membersLoader } from "~/features/organizations/organization-members.route";
import { loader as listLoader } from "~/features/organizations/my-organizations.route";
import { db } from "~/lib/db.server";
import { addOrganizationMember, createApplicant, createManager, createOrganization, createUser } from "../factories";
import { callRoute, countRows } from "../support/routes";

let organizationId: number;
let ownerId: number;
let memberId: number;
let outsiderId: number;
let managerId: number;
let adminId: number;

const editForm = {
  kind: "registered",
  name: "合肥市蜀山区阳光社会工作服务中心（更名）",
  uscc: "52340104MJ0A1B2C54",
  registeredOn: "2019-06-18",
  rating: "4A",
  ratingExpiresOn: "2028-12-31",
  district: "蜀山区",
  street: "南七街道",
  community: "南七社区",
  contactName: "陈思远",
  contactPhone: "13965010003",
  address: "合肥市蜀山区金寨路 128 号",
  introduction: "专业社会工作服务机构。",
  serviceExperience: "承接公益创投项目 9 个。",
  bankAccountName: "合肥市蜀山区阳光社会工作服务中心",
  bankAccountNumber: "6222021302001234567",
  bankName: "中国工商银行合肥南七支行",
};

beforeAll(async () => {
  const organization = await createOrganization(db(), {
    kind: "registered",
    name: "合肥市蜀山区阳光社会工作服务中心",
    uscc: "52340104MJ0A1B2C54",
    orgType: "private_non_enterprise",
    bankAccountName: "合肥市蜀山区阳光社会工作服务中心",
    bankAccountNumber: "6222021302001234567",
    bankName: "中国工商银行合肥南七支行",
  });
  organizationId = organization.id;
  ownerId = (await createApplicant(db(), { organizationId })).user.id;
  memberId = (await createUser(db())).id;
  await addOrganizationMember(db(), organizationId, memberId, "member");
  outsiderId = (await createApplicant(db())).user.id;
  managerId = (await createManager(db())).user.id;
  adminId = (await createUser(db(), { isPlatformAdmin: true })).id;
});

const paths = () => ({
  detail: `/organizations/${organizationId}`,
  edit: `/organizations/${organizationId}/edit`,
  members: `/organizations/${organizationId}/members`,
});

describe("organisation pages for people outside the organisation", () => {
  test.each([
    ["an owner of another organisation", () => outsiderId],
    ["a manager of a funder", () => managerId],
  ])("%s gets 404 from every page and action, and nothing changes", async (_who, userOf) => {
    const userId = userOf();
    const params = { organizationId: String(organizationId) };
    const before = { audit: await countRows("auditEvent"), invitations: await countRows("invitation") };
    const p = paths();
    expect((await callRoute(detailLoader, p.detail, { userId, params })).status).toBe(404);
    expect((await callRoute(editLoader, p.edit, { userId, params })).status).toBe(404);
    expect((await callRoute(editAction, p.edit, { userId, params, form: editForm })).status).toBe(404);
    expect((await callRoute(membersLoader, p.members, { userId, params })).status).toBe(404);
    const invite = await callRoute(membersAction, p.members, {
      userId,
      params,
      form: { intent: "invite", email: "friend@example.cn" },
    });
    expect(invite.status).toBe(404);
    const remove = await callRoute(membersAction, p.members, {
      userId,
      params,
      form: { intent: "remove", userId: String(memberId) },
    });
    expect(remove.status).toBe(404);
    expect({ audit: await countRows("auditEvent"), invitations: await countRows("invitation") }).toEqual(before);
  });

  test("an unknown or malformed id is a 404 even for a platform admin", async () => {
    for (const id of ["999999", "abc", "-1"]) {
      const result = await callRoute(detailLoader, `/organizations/${id}`, {
        userId: adminId,
        params: { organizationId: id },
      });
      expect(result.status).toBe(404);
    }
  });

  test("a signed-out visitor is sent to sign in", async () => {
    const result = await callRoute(detailLoader, paths().detail, {
      params: { organizationId: String(organizationId) },
    });
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/sign-in/);
  });

  test("a platform admin sees the organisation but not its bank account, and may not edit it", async () => {
    const params = { organizationId: String(organizationId) };
    const detail = await callRoute(detailLoader, paths().detail, { userId: adminId, params });
    expect(detail.status).toBe(200);
    expect(detail.data.organization.name).toBe("合肥市蜀山区阳光社会工作服务中心");
    expect(detail.data.bankAccount).toBeNull();
    expect(JSON.stringify(detail.data)).not.toContain("6222021302001234567");
    expect((await callRoute(editLoader, paths().edit, { userId: adminId, params })).status).toBe(403);
  });
});

describe("organisation pages for its members", () => {
  test("a member sees the details with the bank account, but no edit button", async () => {
    const params = { organizationId: String(organizationId) };
    const detail = await callRoute(detailLoader, paths().detail, { userId: memberId, params });
    expect(detail.status).toBe(200);
    expect(detail.data.bankAccount).toMatchObject({ bankAccountNumber: "6222021302001234567" });
    expect(detail.data.can.edit).toBe(false);
    expect(detail.data.department).toBe("civil_affairs");
  });

  test("a plain member gets 403 from the edit page and the owners' actions", async () => {
    const params = { organizationId: String(organizationId) };
    const before = await countRows("auditEvent");
    expect((await callRoute(editLoader, paths().edit, { userId: memberId, params })).status).toBe(403);
    expect((await callRoute(editAction, paths().edit, { userId: memberId, params, form: editForm })).status).toBe(403);
    const invite = await callRoute(membersAction, paths().members, {
      userId: memberId,
      params,
      form: { intent: "invite", email: "friend@example.cn" },
    });
    expect(invite.status).toBe(403);
    const promote = await callRoute(membersAction, paths().members, {
      userId: memberId,
      params,
      form: { intent: "changeRole", userId: String(memberId), role: "owner" },
    });
    expect(promote.status).toBe(403);
    expect(await countRows("auditEvent")).toBe(before);
    const members = await callRoute(membersLoader, paths().members, { userId: memberId, params });
    expect(members.status).toBe(200);
    expect(members.data.can.manage).toBe(false);
    expect(members.data.invitations).toEqual([]);
  });

  test("the list shows each organisation with the user's role", async () => {
    const result = await callRoute(listLoader, "/organizations", { userId: memberId });
    expect(result.data.organizations).toEqual([
      expect.objectContaining({
        id: organizationId,
        role: "member",
        kind: "registered",
        orgType: "private_non_enterprise",
      }),
    ]);
    const manager = await callRoute(listLoader, "/organizations", { userId: managerId });
    expect(manager.data.organizations).toEqual([]);
  });

  test("the owner edits the organisation; the audit keeps before and after", async () => {
    const params = { organizationId: String(organizationId) };
    const form = await callRoute(editLoader, paths().edit, { userId: ownerId, params });
    expect(form.data.values).toMatchObject({ kind: "registered", uscc: "52340104MJ0A1B2C54" });

    const refused = await callRoute(editAction, paths().edit, {
      userId: ownerId,
      params,
      form: { ...editForm, uscc: "52340104MJ0A1B2C55" },
      headers: { "Accept-Language": "en" },
    });
    expect(refused.status).toBe(400);
    expect(refused.data.fieldErrors.uscc).toMatch(/check character/);

    const saved = await callRoute(editAction, paths().edit, { userId: ownerId, params, form: editForm });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(paths().detail);
    const row = await db()
      .selectFrom("organization")
      .selectAll()
      .where("id", "=", organizationId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: editForm.name, rating: "4A", ratingExpiresOn: "2028-12-31" });
    const audit = await db()
      .selectFrom("auditEvent")
      .select(["actorUserId", "before", "after"])
      .where("action", "=", "organization.updated")
      .where("entityId", "=", organizationId)
      .executeTakeFirstOrThrow();
    expect(audit.actorUserId).toBe(ownerId);
    expect(JSON.parse(audit.before ?? "{}")).toMatchObject({ name: "合肥市蜀山区阳光社会工作服务中心", rating: null });
    expect(JSON.parse(audit.after ?? "{}")).toMatchObject({ name: editForm.name, rating: "4A" });
  });

  test("the owner cannot take a code another organisation holds", async () => {
    await createOrganization(db(), {
      kind: "registered",
      uscc: "52440106MJ6W3X4YX5",
      orgType: "private_non_enterprise",
    });
    const params = { organizationId: String(organizationId) };
    const result = await callRoute(editAction, paths().edit, {
      userId: ownerId,
      params,
      form: { ...editForm, uscc: "52440106MJ6W3X4YX5" },
    });
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.uscc).toContain("已在平台登记");
  });
});
