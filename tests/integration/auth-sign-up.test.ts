import { describe, expect, test } from "vitest";
import { loader as accountLoader } from "~/features/auth/account.route";
import { action as signUpAction, loader as signUpLoader } from "~/features/auth/sign-up.route";
import { db } from "~/lib/db.server";
import { createUser } from "../factories";
import { callRoute, countRows, sessionCookieFrom } from "../support/routes";

const form = (overrides: Record<string, string> = {}) => ({
  name: "陈思远",
  email: "Chen.SiYuan@Example.CN",
  phone: "139 6501 0003",
  password: "sunshine-2026",
  confirmPassword: "sunshine-2026",
  redirectTo: "",
  ...overrides,
});

describe("sign-up", () => {
  test("creates the user with a lower-case email, signs them in and sends them to their organisations", async () => {
    await createUser(db()); // not the first account, which would become the platform admin
    const result = await callRoute(signUpAction, "/sign-up", { form: form() });

    expect(result.status).toBe(302);
    expect(result.location).toBe("/organizations");
    const user = await db()
      .selectFrom("user")
      .selectAll()
      .where("email", "=", "chen.siyuan@example.cn")
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ name: "陈思远", phone: "13965010003", locale: "zh-CN", isPlatformAdmin: 0 });
    expect(user.passwordHash).not.toContain("sunshine");
    const audit = await db().selectFrom("auditEvent").selectAll().where("action", "=", "user.signed_up").execute();
    expect(audit).toMatchObject([{ actorUserId: user.id, entityType: "user", entityId: user.id }]);

    const cookie = sessionCookieFrom(result.headers);
    expect(cookie).toBeTruthy();
    const account = await callRoute(accountLoader, "/account", { headers: { Cookie: cookie ?? "" } });
    expect(account.status).toBe(200);
    expect(account.data.account.email).toBe("chen.siyuan@example.cn");
  });

  test.each([
    { redirectTo: "/invitations/abc", location: "/invitations/abc" },
    { redirectTo: "//evil.example.com/steal", location: "/organizations" },
    { redirectTo: "https://evil.example.com", location: "/organizations" },
  ])("follows redirectTo $redirectTo only when it is a local path", async ({ redirectTo, location }) => {
    const email = `redirect-${Math.random().toString(36).slice(2)}@example.cn`;
    const result = await callRoute(signUpAction, "/sign-up", { form: form({ email, redirectTo }) });
    expect(result.location).toBe(location);
  });

  test("refuses an email that already has an account, whatever its case, and writes nothing", async () => {
    await createUser(db(), { email: "taken@example.cn" });
    const [users, events] = [await countRows("user"), await countRows("auditEvent")];

    const result = await callRoute(signUpAction, "/sign-up", { form: form({ email: "Taken@Example.cn" }) });

    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.email).toContain("该邮箱已注册");
    expect(result.data.values).toMatchObject({ name: "陈思远", email: "Taken@Example.cn", phone: "139 6501 0003" });
    expect(result.data.values).not.toHaveProperty("password");
    expect(result.data.values).not.toHaveProperty("confirmPassword");
    expect(sessionCookieFrom(result.headers)).toBeNull();
    expect(await countRows("user")).toBe(users);
    expect(await countRows("auditEvent")).toBe(events);
  });

  test("refuses invalid fields with a message next to each, keeps what was typed except passwords, writes nothing", async () => {
    const users = await countRows("user");

    const result = await callRoute(signUpAction, "/sign-up", {
      form: form({ name: "", email: "not-an-email", phone: "12345", password: "short", confirmPassword: "shorter" }),
    });

    expect(result.status).toBe(400);
    expect(result.data.fieldErrors).toMatchObject({
      name: "此项为必填",
      email: "请输入有效的电子邮箱地址",
      phone: "请输入有效的中国大陆手机号（11 位，以 1 开头）",
      password: "至少需要 10 个字符",
      confirmPassword: "两次输入的密码不一致",
    });
    expect(result.data.values).toEqual({ name: "", email: "not-an-email", phone: "12345", redirectTo: "" });
    expect(await countRows("user")).toBe(users);
  });

  test("answers in English when the visitor reads English", async () => {
    const result = await callRoute(signUpAction, "/sign-up", {
      form: form({ password: "short", confirmPassword: "short" }),
      headers: { "Accept-Language": "en" },
    });
    expect(result.data.fieldErrors.password).toMatch(/10/);
    expect(result.data.fieldErrors.password).not.toMatch(/[\u4e00-\u9fff]/);
  });

  test("prefills an invited email, and sends a signed-in visitor on", async () => {
    const page = await callRoute(signUpLoader, "/sign-up?email=li%40example.cn&redirectTo=%2Finvitations%2Fxyz");
    expect(page.data).toMatchObject({ email: "li@example.cn", redirectTo: "/invitations/xyz" });

    const user = await createUser(db());
    const signedIn = await callRoute(signUpLoader, "/sign-up?redirectTo=%2Finvitations%2Fxyz", { userId: user.id });
    expect(signedIn.status).toBe(302);
    expect(signedIn.location).toBe("/invitations/xyz");
  });
});
