import { describe, expect, test } from "vitest";
import { checkCredentials } from "~/features/auth/accounts.server";
import { action as accountAction, loader as accountLoader } from "~/features/auth/account.route";
import { db } from "~/lib/db.server";
import { createUser, DEFAULT_PASSWORD } from "../factories";
import { callRoute, cookieFor, sessionCookieFrom } from "../support/routes";

const post = (cookie: string, form: Record<string, string>) =>
  callRoute(accountAction, "/account", { form, headers: { Cookie: cookie } });

const isSignedIn = async (cookie: string) =>
  (await callRoute(accountLoader, "/account", { headers: { Cookie: cookie } })).status === 200;

describe("account page", () => {
  test("is only for signed-in users", async () => {
    const loader = await callRoute(accountLoader, "/account");
    expect(loader.location).toBe("/sign-in?redirectTo=%2Faccount");
    const action = await callRoute(accountAction, "/account", { form: { intent: "signOutEverywhere" } });
    expect(action.status).toBe(302);
    expect(action.location).toMatch(/^\/sign-in\?redirectTo=/);
  });

  test("shows the profile and how many sessions are active", async () => {
    const user = await createUser(db(), { name: "王晓梅", phone: "13905510001" });
    await cookieFor(user.id);
    const result = await callRoute(accountLoader, "/account", { userId: user.id });
    expect(result.data.account).toMatchObject({
      name: "王晓梅",
      phone: "13905510001",
      email: user.email,
      activeSessions: 2,
    });
  });

  test("saves name and phone with an audit event", async () => {
    const user = await createUser(db(), { name: "王晓梅" });
    const cookie = await cookieFor(user.id);

    const result = await post(cookie, { intent: "profile", name: "王晓梅（南七街道）", phone: "+86 139 0551 0001" });

    expect(result.status).toBe(302);
    expect(result.location).toBe("/account");
    const saved = await db().selectFrom("user").select(["name", "phone"]).where("id", "=", user.id).executeTakeFirst();
    expect(saved).toEqual({ name: "王晓梅（南七街道）", phone: "13905510001" });
    const audit = await db()
      .selectFrom("auditEvent")
      .select(["before", "after"])
      .where("action", "=", "user.profile_updated")
      .where("entityId", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before ?? "{}")).toEqual({ name: "王晓梅", phone: null });
  });

  test("refuses a bad phone number for the profile form only, and changes nothing", async () => {
    const user = await createUser(db(), { name: "王晓梅" });
    const result = await post(await cookieFor(user.id), { intent: "profile", name: "新名字", phone: "5510001" });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({
      intent: "profile",
      fieldErrors: { phone: "请输入有效的中国大陆手机号（11 位，以 1 开头）" },
      values: { name: "新名字", phone: "5510001" },
    });
    const saved = await db().selectFrom("user").select("name").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(saved.name).toBe("王晓梅");
  });

  test("changing the password needs the current one and signs out every other session", async () => {
    const user = await createUser(db());
    const here = await cookieFor(user.id);
    const elsewhere = await cookieFor(user.id);

    const wrong = await post(here, {
      intent: "password",
      currentPassword: "not it",
      newPassword: "a-brand-new-secret",
      confirmPassword: "a-brand-new-secret",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.data.fieldErrors).toEqual({ currentPassword: "当前密码不正确" });
    expect(wrong.data.values).toEqual({ intent: "password" });
    expect(await isSignedIn(elsewhere)).toBe(true);

    const changed = await post(here, {
      intent: "password",
      currentPassword: DEFAULT_PASSWORD,
      newPassword: "a-brand-new-secret",
      confirmPassword: "a-brand-new-secret",
    });
    expect(changed.status).toBe(302);
    const renewed = sessionCookieFrom(changed.headers) ?? "";
    expect(await isSignedIn(renewed)).toBe(true);
    expect(await isSignedIn(here)).toBe(false);
    expect(await isSignedIn(elsewhere)).toBe(false);
    expect((await checkCredentials(user.email, "a-brand-new-secret")).valid).toBe(true);
    expect((await checkCredentials(user.email, DEFAULT_PASSWORD)).valid).toBe(false);
    const events = await db()
      .selectFrom("auditEvent")
      .select("id")
      .where("action", "=", "user.password_changed")
      .where("entityId", "=", user.id)
      .execute();
    expect(events).toHaveLength(1);
  });

  test("sign out everywhere ends every session of the user, and only theirs", async () => {
    const user = await createUser(db());
    const other = await createUser(db());
    const phone = await cookieFor(user.id);
    const laptop = await cookieFor(user.id);
    const someoneElse = await cookieFor(other.id);

    const result = await post(laptop, { intent: "signOutEverywhere" });

    expect(result.status).toBe(302);
    expect(result.location).toBe("/sign-in");
    for (const cookie of [phone, laptop]) {
      const again = await callRoute(accountLoader, "/account", { headers: { Cookie: cookie } });
      expect(again.status).toBe(302);
      expect(again.location).toBe("/sign-in?redirectTo=%2Faccount");
    }
    expect(await isSignedIn(someoneElse)).toBe(true);
    const sessions = await db().selectFrom("session").select("id").where("userId", "=", user.id).execute();
    expect(sessions).toEqual([]);
    const events = await db()
      .selectFrom("auditEvent")
      .select("actorUserId")
      .where("action", "=", "user.signed_out_everywhere")
      .execute();
    expect(events).toEqual([{ actorUserId: user.id }]);
  });
});
