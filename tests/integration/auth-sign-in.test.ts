import { describe, expect, test } from "vitest";
import { loader as accountLoader } from "~/features/auth/account.route";
import { action as signInAction, loader as signInLoader } from "~/features/auth/sign-in.route";
import { action as signOutAction, loader as signOutLoader } from "~/features/auth/sign-out.route";
import { db } from "~/lib/db.server";
import { createApplicant, createManager, createUser, DEFAULT_PASSWORD } from "../factories";
import { buildRequest, callRoute, cookieFor, sessionCookieFrom } from "../support/routes";

const signIn = (
  email: string,
  password: string,
  extra: { redirectTo?: string; headers?: Record<string, string> } = {},
) =>
  callRoute(signInAction, "/sign-in", {
    form: { email, password, redirectTo: extra.redirectTo ?? "" },
    headers: extra.headers,
  });

const auditCount = async (action: string) =>
  (await db().selectFrom("auditEvent").select("id").where("action", "=", action).execute()).length;

describe("sign-in", () => {
  test("signs in, whatever the email's case, and lands where the user works", async () => {
    const { user: applicant } = await createApplicant(db(), { email: "owner@example.cn" });
    const { user: manager } = await createManager(db(), { email: "staff@example.cn" });

    const asApplicant = await signIn("Owner@Example.CN", DEFAULT_PASSWORD);
    expect(asApplicant.status).toBe(302);
    expect(asApplicant.location).toBe("/organizations");
    const asManager = await signIn("staff@example.cn", DEFAULT_PASSWORD);
    expect(asManager.location).toBe("/manage");

    const cookie = sessionCookieFrom(asApplicant.headers) ?? "";
    const account = await callRoute(accountLoader, "/account", { headers: { Cookie: cookie } });
    expect(account.data.account.id).toBe(applicant.id);
    const events = await db()
      .selectFrom("auditEvent")
      .select("actorUserId")
      .where("action", "=", "user.signed_in")
      .orderBy("id")
      .execute();
    expect(events.map((event) => event.actorUserId)).toEqual([applicant.id, manager.id]);
  });

  test("keeps redirectTo from requireUser's bounce through the sign-in page", async () => {
    const user = await createUser(db());
    const bounced = await callRoute(accountLoader, "/account");
    expect(bounced.location).toBe("/sign-in?redirectTo=%2Faccount");
    const page = await callRoute(signInLoader, bounced.location ?? "");
    expect(page.data.redirectTo).toBe("/account");

    const result = await signIn(user.email, DEFAULT_PASSWORD, { redirectTo: page.data.redirectTo });
    expect(result.location).toBe("/account");
  });

  test("gives the same answer for an unknown email and a wrong password, and never echoes the password", async () => {
    const user = await createUser(db());
    const wrongPassword = await signIn(user.email, "not the password");
    const unknownEmail = await signIn("nobody@example.cn", "not the password");

    for (const result of [wrongPassword, unknownEmail]) {
      expect(result.status).toBe(400);
      expect(result.data.formError).toBe("邮箱或密码不正确。");
      expect(result.data.values).not.toHaveProperty("password");
      expect(sessionCookieFrom(result.headers)).toBeNull();
    }
    expect(wrongPassword.data.values.email).toBe(user.email);
    const english = await signIn("nobody@example.cn", "x", { headers: { "Accept-Language": "en" } });
    expect(english.data.formError).toBe("The email or password is not correct.");
  });

  test("refuses further attempts for 15 minutes after 5 failures, even with the right password", async () => {
    const user = await createUser(db(), { email: "guessed@example.cn" });
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      statuses.push((await signIn(user.email, `guess ${attempt}`)).status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 429]);

    const refused = await signIn("Guessed@example.cn", DEFAULT_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.data.formError).toBe("登录失败次数过多，请 15 分钟后再试。");
    expect(sessionCookieFrom(refused.headers)).toBeNull();
    expect(await auditCount("user.sign_in_locked")).toBe(1);

    const english = await signIn(user.email, DEFAULT_PASSWORD, { headers: { "Accept-Language": "en" } });
    expect(english.data.formError).toBe("Too many failed sign-ins. Please try again in 15 minutes.");

    // Another account is not affected by this one's lock.
    const other = await createUser(db());
    expect((await signIn(other.email, DEFAULT_PASSWORD)).status).toBe(302);
  });

  test("slows the answer from the third failure on", async () => {
    const user = await createUser(db());
    const timings: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const started = performance.now();
      await signIn(user.email, "wrong password");
      timings.push(performance.now() - started);
    }
    // The first two answer at hashing speed; the third waits 250 ms on top (the ladder itself is unit-tested).
    expect(timings[2]).toBeGreaterThanOrEqual(245);
  });

  test("a success clears the failures", async () => {
    const user = await createUser(db(), { email: "forgetful@example.cn" });
    for (let attempt = 1; attempt <= 4; attempt += 1) await signIn(user.email, "wrong password");
    expect((await signIn(user.email, DEFAULT_PASSWORD)).status).toBe(302);

    const row = await db()
      .selectFrom("signInThrottle")
      .selectAll()
      .where("key", "=", "email:forgetful@example.cn")
      .executeTakeFirst();
    expect(row).toBeUndefined();
    // Four more failures are allowed again before the lock.
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await signIn(user.email, "wrong password")).status).toBe(400);
    }
  });

  test("counts failures per client address too, which a success elsewhere does not clear", async () => {
    const user = await createUser(db());
    const fromAddress = async (email: string, password: string) => {
      const request = await buildRequest("/sign-in", { form: { email, password, redirectTo: "" } });
      const outcome = await signInAction({
        request,
        params: {},
        context: { cspNonce: "", clientAddress: "203.0.113.9" },
      });
      return "init" in outcome ? outcome.init?.status : outcome.status;
    };
    for (const email of ["a@example.cn", "b@example.cn", "c@example.cn"]) {
      expect(await fromAddress(email, "guess")).toBe(400);
    }
    expect(await fromAddress(user.email, DEFAULT_PASSWORD)).toBe(302);
    const row = await db()
      .selectFrom("signInThrottle")
      .select(["failures", "lockedUntil"])
      .where("key", "=", "address:203.0.113.9")
      .executeTakeFirst();
    expect(row).toEqual({ failures: 3, lockedUntil: null });
  });

  test("refuses an empty form with messages next to the fields", async () => {
    const result = await signIn("", "");
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors).toMatchObject({ email: "此项为必填", password: "此项为必填" });
  });
});

describe("sign-out", () => {
  test("ends this session: the old cookie is sent to sign in again", async () => {
    const user = await createUser(db());
    const cookie = await cookieFor(user.id);
    const otherDevice = await cookieFor(user.id);

    const result = await callRoute(signOutAction, "/sign-out", { form: {}, headers: { Cookie: cookie } });

    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
    expect(result.headers.getSetCookie().some((c) => c.startsWith("__session=;") && /Max-Age=0/i.test(c))).toBe(true);
    const again = await callRoute(accountLoader, "/account", { headers: { Cookie: cookie } });
    expect(again.status).toBe(302);
    expect(again.location).toBe("/sign-in?redirectTo=%2Faccount");
    // Only this browser signed out.
    expect((await callRoute(accountLoader, "/account", { headers: { Cookie: otherDevice } })).status).toBe(200);
    expect(await auditCount("user.signed_out")).toBe(1);
  });

  test("a GET only goes home", async () => {
    const result = await callRoute(signOutLoader, "/sign-out");
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
  });
});
