// Every admin route (read from app/routes.ts, so a new one is covered without editing this file) refuses
// everyone but platform admins, and a refused action writes nothing, even with a well-formed body.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/lib/db.server";
import { createApplicant, createFunder, createManager, createUser } from "../factories";
import { loadRouteModule, walkRoutes } from "../support/route-walk";
import { callRoute, countRows } from "../support/routes";

const adminRoutes = walkRoutes().filter((route) => route.path === "/admin" || route.path.startsWith("/admin/"));

let funderId: number;
let people: Record<string, number>;

beforeAll(async () => {
  funderId = (await createFunder(db())).id;
  const manager = await createManager(db(), { funderId });
  people = {
    "a signed-in user with no memberships": (await createUser(db())).id,
    "an organisation owner": (await createApplicant(db())).user.id,
    "a manager of the funder itself": manager.user.id,
  };
});

// Bodies that would succeed for an admin, so a refusal cannot come from validation.
const validBodies = (): Record<string, Record<string, string>> => ({
  "/admin/funders/new": {
    name: "不应被创建的资助方",
    kind: "foundation",
    province: "安徽省",
    city: "合肥市",
    contactName: "某人",
    contactPhone: "13900000000",
  },
  "/admin/funders/:funderId": { intent: "invite", email: "should.not.be.invited@example.cn" },
  "/admin/users": { intent: "setAdmin", userId: String(people["an organisation owner"]), grant: "true" },
});

describe("admin routes", () => {
  test("are all found in app/routes.ts", () => {
    expect(adminRoutes.map((route) => route.path)).toEqual(
      expect.arrayContaining([
        "/admin",
        "/admin/funders",
        "/admin/funders/new",
        "/admin/funders/:funderId",
        "/admin/users",
        "/admin/audit",
        "/admin/outbox",
      ]),
    );
  });

  test.each(adminRoutes)("$path refuses non-admins (403) and sends visitors to sign in", async (route) => {
    const module = await loadRouteModule(route.file);
    const path = route.path.replace(":funderId", String(funderId));
    const params: Record<string, string> = route.path.includes(":funderId") ? { funderId: String(funderId) } : {};
    const before = await Promise.all([countRows("auditEvent"), countRows("invitation"), countRows("outboxMessage")]);
    for (const call of ["loader", "action"] as const) {
      const fn = module[call];
      if (typeof fn !== "function") continue;
      const form = call === "action" ? (validBodies()[route.path] ?? {}) : undefined;
      const method = call === "action" ? "POST" : "GET";
      for (const [who, userId] of Object.entries(people)) {
        const result = await callRoute(fn as Parameters<typeof callRoute>[0], path, { userId, params, form, method });
        expect(result.status, `${call} as ${who}`).toBe(403);
      }
      const signedOut = await callRoute(fn as Parameters<typeof callRoute>[0], path, { params, form, method });
      expect(signedOut.location, `${call} signed out`).toMatch(/^\/sign-in\?redirectTo=/);
    }
    expect(await Promise.all([countRows("auditEvent"), countRows("invitation"), countRows("outboxMessage")])).toEqual(
      before,
    );
    const owner = await db()
      .selectFrom("user")
      .select("isPlatformAdmin")
      .where("id", "=", people["an organisation owner"]!)
      .executeTakeFirstOrThrow();
    expect(owner.isPlatformAdmin).toBe(0);
    expect(await db().selectFrom("funder").select("id").where("name", "=", "不应被创建的资助方").execute()).toEqual([]);
  });
});
