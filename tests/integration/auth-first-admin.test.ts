// A fresh deployment is set up from the browser: the first account that signs up becomes the platform admin.
import { describe, expect, test } from "vitest";
import { action as signUpAction } from "~/features/auth/sign-up.route";
import { db } from "~/lib/db.server";
import { callRoute } from "../support/routes";

const form = (email: string) => ({
  name: "平台运营",
  email,
  phone: "",
  password: "first-admin-2026",
  confirmPassword: "first-admin-2026",
  redirectTo: "",
});

describe("the first sign-up on an empty portal", () => {
  test("becomes platform admin and lands on /admin; the next account does not", async () => {
    const first = await callRoute(signUpAction, "/sign-up", { form: form("ops@example.cn") });
    expect(first.location).toBe("/admin");
    const second = await callRoute(signUpAction, "/sign-up", { form: form("someone@example.cn") });
    expect(second.location).toBe("/organizations");

    const users = await db().selectFrom("user").select(["email", "isPlatformAdmin"]).orderBy("id").execute();
    expect(users).toEqual([
      { email: "ops@example.cn", isPlatformAdmin: 1 },
      { email: "someone@example.cn", isPlatformAdmin: 0 },
    ]);
    const grants = await db()
      .selectFrom("auditEvent")
      .select("action")
      .where("action", "=", "user.admin_granted")
      .execute();
    expect(grants).toHaveLength(1);
  });
});
