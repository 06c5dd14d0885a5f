// The user list, the platform-admin switch (audited, never on oneself) and the first account becoming admin.
import { beforeAll, describe, expect, test } from "vitest";
import { promoteIfFirstAccount } from "~/features/admin/first-admin.server";
import { action as usersAction, loader as usersLoader } from "~/features/admin/users.route";
import { db } from "~/lib/db.server";
import { addOrganizationMember, createManager, createOrganization, createUser } from "../factories";
import { callRoute } from "../support/routes";

interface UsersData {
  users: {
    id: number;
    email: string;
    isPlatformAdmin: boolean;
    funderCount: number;
    organizationCount: number;
    can: { toggleAdmin: boolean };
  }[];
  pageInfo: { total: number };
}

let adminId: number;

beforeAll(async () => {
  adminId = (await createUser(db(), { isPlatformAdmin: true, email: "users.admin@example.cn" })).id;
});

async function isAdmin(userId: number): Promise<boolean> {
  const row = await db()
    .selectFrom("user")
    .select("isPlatformAdmin")
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  return row.isPlatformAdmin === 1;
}

describe("the first account", () => {
  test("becomes the platform admin on an empty portal, and only then", async () => {
    // This file's database already has users, so the empty case runs in a transaction that is rolled back.
    const outcome = await db()
      .transaction()
      .execute(async (trx) => {
        await trx.deleteFrom("auditEvent").execute();
        await trx.deleteFrom("funderMember").execute();
        await trx.deleteFrom("organizationMember").execute();
        await trx.deleteFrom("invitation").execute();
        await trx.deleteFrom("session").execute();
        await trx.deleteFrom("user").execute();
        const first = await createUser(trx, { email: "first@example.cn" });
        const promoted = await promoteIfFirstAccount(trx, first.id);
        const second = await createUser(trx, { email: "second@example.cn" });
        const secondPromoted = await promoteIfFirstAccount(trx, second.id);
        const flags = await trx.selectFrom("user").select(["email", "isPlatformAdmin"]).orderBy("id").execute();
        const events = await trx.selectFrom("auditEvent").select(["action", "entityId"]).execute();
        throw Object.assign(new Error("rollback"), {
          result: { promoted, secondPromoted, flags, events, firstId: first.id },
        });
      })
      .catch((error: { result?: unknown }) => error.result);
    expect(outcome).toMatchObject({
      promoted: true,
      secondPromoted: false,
      flags: [
        { email: "first@example.cn", isPlatformAdmin: 1 },
        { email: "second@example.cn", isPlatformAdmin: 0 },
      ],
    });
    const { events, firstId } = outcome as { events: unknown[]; firstId: number };
    expect(events).toEqual([{ action: "user.admin_granted", entityId: firstId }]);
  });
});

describe("the user list", () => {
  test("finds people by part of their email or name, with their membership counts", async () => {
    const { user: manager } = await createManager(db(), { name: "欧阳晓燕", email: "ouyang@example.cn" });
    const organization = await createOrganization(db());
    await addOrganizationMember(db(), organization.id, manager.id, "member");
    for (const query of ["欧阳", "OUYANG@"]) {
      const result = await callRoute<UsersData>(usersLoader, `/admin/users?q=${encodeURIComponent(query)}`, {
        userId: adminId,
      });
      expect(result.data.users).toEqual([
        expect.objectContaining({ id: manager.id, funderCount: 1, organizationCount: 1, isPlatformAdmin: false }),
      ]);
    }
  });

  test("pages through the accounts", async () => {
    for (let index = 0; index < 26; index += 1) await createUser(db(), { name: `分页用户${index}` });
    const first = await callRoute<UsersData>(usersLoader, "/admin/users?q=%E5%88%86%E9%A1%B5", { userId: adminId });
    const second = await callRoute<UsersData>(usersLoader, "/admin/users?q=%E5%88%86%E9%A1%B5&page=2", {
      userId: adminId,
    });
    expect(first.data.pageInfo.total).toBe(26);
    expect(first.data.users).toHaveLength(25);
    expect(second.data.users).toHaveLength(1);
  });
});

describe("granting and revoking platform admin", () => {
  test("grants and revokes with an audit event each", async () => {
    const user = await createUser(db());
    const post = (grant: boolean) =>
      callRoute(usersAction, "/admin/users", {
        userId: adminId,
        form: { intent: "setAdmin", userId: String(user.id), grant: String(grant) },
      });
    expect((await post(true)).status).toBe(302);
    expect(await isAdmin(user.id)).toBe(true);
    expect((await post(false)).status).toBe(302);
    expect(await isAdmin(user.id)).toBe(false);
    const events = await db()
      .selectFrom("auditEvent")
      .select(["action", "actorUserId"])
      .where("entityType", "=", "user")
      .where("entityId", "=", user.id)
      .orderBy("id")
      .execute();
    expect(events).toEqual([
      { action: "user.admin_granted", actorUserId: adminId },
      { action: "user.admin_revoked", actorUserId: adminId },
    ]);
  });

  test("an admin cannot revoke their own rights, and the page does not offer it", async () => {
    const result = await callRoute(usersAction, "/admin/users", {
      userId: adminId,
      form: { intent: "setAdmin", userId: String(adminId), grant: "false" },
    });
    expect(result.status).toBe(302);
    expect(await isAdmin(adminId)).toBe(true);
    const list = await callRoute<UsersData>(usersLoader, "/admin/users?q=users.admin", { userId: adminId });
    expect(list.data.users[0]?.can.toggleAdmin).toBe(false);
  });

  test("someone who is not an admin cannot grant themselves admin", async () => {
    const user = await createUser(db());
    const result = await callRoute(usersAction, "/admin/users", {
      userId: user.id,
      form: { intent: "setAdmin", userId: String(user.id), grant: "true" },
    });
    expect(result.status).toBe(403);
    expect(await isAdmin(user.id)).toBe(false);
  });

  test("a body the page never sends is a 400, an unknown user a 404", async () => {
    expect(
      (await callRoute(usersAction, "/admin/users", { userId: adminId, form: { intent: "setAdmin" } })).status,
    ).toBe(400);
    const missing = await callRoute(usersAction, "/admin/users", {
      userId: adminId,
      form: { intent: "setAdmin", userId: "999999", grant: "true" },
    });
    expect(missing.status).toBe(404);
  });
});
