// Links in emails start with PUBLIC_URL, whatever Host the request that caused them named. Behind the express
// adapter a request's URL is built from its Host header, which the sender chooses: this is the "password reset
// poisoning" attack, where the victim's reset link, token and all, would lead to the attacker's site.
import { vi, describe, expect, test } from "vitest";

vi.hoisted(() => {
  process.env.PUBLIC_URL = "https://gongyi.example.cn";
});

import { action as forgotAction } from "~/features/auth/forgot-password.route";
import { db } from "~/lib/db.server";
import { flushOutbox } from "~/lib/mail.server";
import { createUser } from "../factories";

describe("links in emails", () => {
  test("a reset link asked for under a forged Host header still points at PUBLIC_URL", async () => {
    await createUser(db(), { email: "poisoned@example.cn" });
    const request = new Request("http://attacker.example/forgot-password", {
      method: "POST",
      headers: { Host: "attacker.example" },
      body: new URLSearchParams({ email: "poisoned@example.cn" }),
    });
    const answer = await forgotAction({ request, params: {}, context: { cspNonce: "" } });
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(302);
    await flushOutbox();

    const email = await db()
      .selectFrom("outboxMessage")
      .select("body")
      .where("recipient", "=", "poisoned@example.cn")
      .executeTakeFirstOrThrow();
    expect(email.body).toMatch(/https:\/\/gongyi\.example\.cn\/reset-password\/[A-Za-z0-9_-]{20,}/);
    expect(email.body).not.toContain("attacker.example");
  });
});
