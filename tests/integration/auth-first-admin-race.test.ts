// Several people signing up at once on an empty portal: exactly one of them becomes the platform admin. On
// PostgreSQL each sign-up's transaction runs on its own connection, and none sees the others' uncommitted accounts.
import { expect, test } from "vitest";
import { action as signUpAction } from "~/features/auth/sign-up.route";
import { db } from "~/lib/db.server";
import { callRoute } from "../support/routes";

const form = (email: string) => ({
  name: "同时注册",
  email,
  phone: "",
  password: "first-admin-2026",
  confirmPassword: "first-admin-2026",
  redirectTo: "",
});

test("concurrent first sign-ups make exactly one platform admin", async () => {
  const emails = Array.from({ length: 6 }, (_, index) => `race${index}@example.cn`);
  const results = await Promise.all(emails.map((email) => callRoute(signUpAction, "/sign-up", { form: form(email) })));
  expect(results.map((result) => result.status)).toEqual(emails.map(() => 302));
  expect(results.filter((result) => result.location === "/admin")).toHaveLength(1);

  const admins = await db().selectFrom("user").select("email").where("isPlatformAdmin", "=", 1).execute();
  expect(admins).toHaveLength(1);
  const grants = await db()
    .selectFrom("auditEvent")
    .select("action")
    .where("action", "=", "user.admin_granted")
    .execute();
  expect(grants).toHaveLength(1);
});
