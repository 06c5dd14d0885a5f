import { describe, expect, test } from "vitest";
import { loader as accountLoader } from "~/features/auth/account.route";
import { action as forgotAction } from "~/features/auth/forgot-password.route";
import { action as resetAction, loader as resetLoader } from "~/features/auth/reset-password.route";
import { action as signInAction } from "~/features/auth/sign-in.route";
import { db } from "~/lib/db.server";
import { flushOutbox } from "~/lib/mail.server";
import { createPasswordReset, createUser, DEFAULT_PASSWORD } from "../factories";
import { BASE_URL, callRoute, cookieFor, countRows, sessionCookieFrom } from "../support/routes";

const NEW_PASSWORD = "spring-rain-2026";

/** Asks for a reset link, then waits for the email, which leaves after the answer. */
async function requestReset(email: string, headers: Record<string, string> = {}) {
  const result = await callRoute(forgotAction, "/forgot-password", { form: { email }, headers });
  // Flushes run one after another, so this one ends after the one the request started.
  await flushOutbox();
  return result;
}

async function latestEmailTo(recipient: string) {
  return db()
    .selectFrom("outboxMessage")
    .selectAll()
    .where("recipient", "=", recipient)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
}

function tokenFromLink(body: string): string {
  const match = body.match(new RegExp(`${BASE_URL}/reset-password/([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no reset link in: ${body}`);
  return match[1];
}

const reset = (token: string, password: string, confirmPassword = password) =>
  callRoute(resetAction, `/reset-password/${token}`, { form: { password, confirmPassword }, params: { token } });

const isSignedIn = async (cookie: string) =>
  (await callRoute(accountLoader, "/account", { headers: { Cookie: cookie } })).status === 200;

describe("password reset", () => {
  test("the emailed link sets a new password, ends every session and signs this browser in", async () => {
    const user = await createUser(db(), { email: "forgot@example.cn", name: "李桂兰" });
    const oldSession = await cookieFor(user.id);

    const requested = await requestReset("Forgot@Example.cn");
    expect(requested.status).toBe(302);
    expect(requested.location).toBe("/sign-in");

    const email = await latestEmailTo("forgot@example.cn");
    expect(email.subject).toBe("重置您在微公益创投平台的登录密码");
    expect(email.body).toContain("李桂兰");
    expect(email.sentAt).not.toBeNull();
    const token = tokenFromLink(email.body);
    const stored = await db()
      .selectFrom("passwordReset")
      .selectAll()
      .where("userId", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash).not.toBe(token);
    expect(Date.parse(stored.expiresAt) - Date.parse(stored.createdAt)).toBe(60 * 60 * 1000);

    const page = await callRoute(resetLoader, `/reset-password/${token}`, { params: { token } });
    expect(page.status).toBe(200);
    expect(page.data.email).toBe("forgot@example.cn");

    const mismatch = await reset(token, NEW_PASSWORD, "something-else-1");
    expect(mismatch.status).toBe(400);
    expect(mismatch.data.fieldErrors).toEqual({ confirmPassword: "两次输入的密码不一致" });
    expect(mismatch.data).not.toHaveProperty("values");

    const done = await reset(token, NEW_PASSWORD);
    expect(done.status).toBe(302);
    expect(done.location).toBe("/organizations");
    const fresh = sessionCookieFrom(done.headers) ?? "";
    expect(await isSignedIn(fresh)).toBe(true);
    expect(await isSignedIn(oldSession)).toBe(false);

    const oldPassword = await callRoute(signInAction, "/sign-in", {
      form: { email: user.email, password: DEFAULT_PASSWORD },
    });
    expect(oldPassword.status).toBe(400);
    const newPassword = await callRoute(signInAction, "/sign-in", {
      form: { email: user.email, password: NEW_PASSWORD },
    });
    expect(newPassword.status).toBe(302);

    const used = await db()
      .selectFrom("passwordReset")
      .select("usedAt")
      .where("id", "=", stored.id)
      .executeTakeFirstOrThrow();
    expect(used.usedAt).not.toBeNull();
    const actions = await db()
      .selectFrom("auditEvent")
      .select("action")
      .where("entityId", "=", user.id)
      .where("action", "like", "user.password_reset%")
      .orderBy("id")
      .execute();
    expect(actions.map((event) => event.action)).toEqual(["user.password_reset_requested", "user.password_reset"]);
  });

  test("a link works once", async () => {
    const user = await createUser(db());
    const { token } = await createPasswordReset(db(), { userId: user.id });
    expect((await reset(token, NEW_PASSWORD)).status).toBe(302);

    const again = await reset(token, "another-password-9");
    expect(again.status).toBe(410);
    expect(again.data.gone).toBe(true);
    expect(sessionCookieFrom(again.headers)).toBeNull();
    const page = await callRoute(resetLoader, `/reset-password/${token}`, { params: { token } });
    expect(page.status).toBe(410);
    expect(page.data.email).toBeNull();
  });

  test("using one link spends the others sent earlier", async () => {
    const user = await createUser(db());
    const first = await createPasswordReset(db(), { userId: user.id });
    const second = await createPasswordReset(db(), { userId: user.id });
    expect((await reset(second.token, NEW_PASSWORD)).status).toBe(302);
    expect((await reset(first.token, "another-password-9")).status).toBe(410);
  });

  test("an expired link is refused and the password stays", async () => {
    const user = await createUser(db());
    const { token } = await createPasswordReset(db(), {
      userId: user.id,
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const page = await callRoute(resetLoader, `/reset-password/${token}`, { params: { token } });
    expect(page.status).toBe(410);
    const attempt = await reset(token, NEW_PASSWORD);
    expect(attempt.status).toBe(410);
    const signIn = await callRoute(signInAction, "/sign-in", {
      form: { email: user.email, password: DEFAULT_PASSWORD },
    });
    expect(signIn.status).toBe(302);
  });

  test("an unknown link is refused like a used one", async () => {
    const page = await callRoute(resetLoader, "/reset-password/not-a-token", { params: { token: "not-a-token" } });
    expect(page.status).toBe(410);
  });

  test("answers the same for an email without an account, and sends nothing", async () => {
    const [resets, emails] = [
      await db().selectFrom("passwordReset").select("id").execute(),
      await countRows("outboxMessage"),
    ];
    const result = await requestReset("nobody-here@example.cn");
    expect(result.status).toBe(302);
    expect(result.location).toBe("/sign-in");
    expect(result.headers.getSetCookie().some((cookie) => cookie.startsWith("__flash="))).toBe(true);
    expect(await db().selectFrom("passwordReset").select("id").execute()).toHaveLength(resets.length);
    expect(await countRows("outboxMessage")).toBe(emails);
  });

  test("writes the email in the requester's language", async () => {
    const user = await createUser(db(), { email: "reader@example.cn" });
    await requestReset(user.email, { "Accept-Language": "en" });
    const email = await latestEmailTo(user.email);
    expect(email.subject).toBe("Reset your Micro-Philanthropy Venture Portal password");
    expect(email.body).toContain(`${BASE_URL}/reset-password/`);
  });

  test("refuses a malformed email next to the field", async () => {
    const result = await requestReset("not-an-email");
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.email).toBe("请输入有效的电子邮箱地址");
  });
});
