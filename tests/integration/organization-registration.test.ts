import { describe, expect, test } from "vitest";
import { action as newAction, loader as newLoader } from "~/features/organizations/organization-new.route";
import { db } from "~/lib/db.server";
import { createOrganization, createUser } from "../factories";
import { callRoute, countRows } from "../support/routes";

type Failure = { fieldErrors: Record<string, string>; values: Record<string, unknown> };

const common = {
  name: "合肥市蜀山区阳光社会工作服务中心",
  district: "蜀山区",
  street: "南七街道",
  community: "南七社区",
  contactName: "陈思远",
  contactPhone: "139 6501 0003",
  address: "合肥市蜀山区金寨路 128 号",
  introduction: "专业社会工作服务机构，持证社工 12 名。",
  serviceExperience: "2020 年以来承接社区公益创投项目 9 个。",
  bankAccountName: "",
  bankAccountNumber: "",
  bankName: "",
};

// Without JavaScript the browser posts both kinds' fields; the tests post them too.
const teamFields = { sponsorCommunity: "", filingNumber: "", responsiblePerson: "", filedOn: "" };
const registeredFields = { uscc: "", registeredOn: "", rating: "", ratingExpiresOn: "" };

function registeredForm(overrides: Record<string, string> = {}) {
  return {
    kind: "registered",
    ...common,
    ...teamFields,
    ...registeredFields,
    registeredOn: "2019-06-18",
    ...overrides,
  };
}

function teamForm(overrides: Record<string, string> = {}) {
  return {
    kind: "filed_team",
    ...common,
    ...registeredFields,
    ...teamFields,
    name: "南七街道幸福社区银龄志愿服务队",
    sponsorCommunity: "幸福社区居民委员会",
    filingNumber: "NQ-BA-2024-017",
    responsiblePerson: "李桂兰",
    ...overrides,
  };
}

async function register(userId: number, form: Record<string, string>, headers?: Record<string, string>) {
  return callRoute<Failure>(newAction, "/organizations/new", { userId, form, headers });
}

async function counts() {
  return { organizations: await countRows("organization"), audit: await countRows("auditEvent") };
}

describe("registering an organisation", () => {
  test("asks a signed-out visitor to sign in first", async () => {
    const result = await callRoute(newLoader, "/organizations/new");
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/sign-in\?redirectTo=%2Forganizations%2Fnew/);
    const posted = await callRoute(newAction, "/organizations/new", {
      form: registeredForm({ uscc: "52340104MJ00002370" }),
    });
    expect(posted.status).toBe(302);
    expect(posted.location).toMatch(/^\/sign-in/);
  });

  test.each([
    ["52340104MJ0A1B2C55", "校验位不符", "a wrong check character"],
    ["52340104MJ0A1B2CS4", "不使用的字符", "a letter outside the alphabet"],
    ["52340104MJ0A1B2C5", "18 位", "17 characters"],
    ["52340104MJ0A1B2C544", "18 位", "19 characters"],
    ["5234010AMJ0A1B2C54", "行政区划码", "a letter in the region code"],
  ])("refuses %s (%s: %s) next to the code field, in Chinese, writing nothing", async (uscc, message) => {
    const user = await createUser(db());
    const before = await counts();
    const result = await register(user.id, registeredForm({ uscc }));
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.uscc).toContain(message);
    expect(Object.keys(result.data.fieldErrors)).toEqual(["uscc"]);
    expect(result.data.values).toMatchObject({ uscc, name: common.name });
    expect(await counts()).toEqual(before);
  });

  test("answers in English when the browser asks for English", async () => {
    const user = await createUser(db());
    const before = await counts();
    const result = await register(user.id, registeredForm({ uscc: "52340104MJ0A1B2C55" }), {
      "Accept-Language": "en-US,en;q=0.9",
    });
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.uscc).toMatch(/check character/);
    expect(await counts()).toEqual(before);
  });

  test.each<[string, string, string | null, string]>([
    ["52340104MJ00002370", "52340104MJ00002370", "private_non_enterprise", "check character '0'"],
    ["52340104MJ0000114Y", "52340104MJ0000114Y", "private_non_enterprise", "check character 'Y'"],
    ["51340103mj2g5h6j5u", "51340103MJ2G5H6J5U", "social_group", "lower case"],
    ["５３３４０１００ＭＪ３Ｋ７Ｌ８ＭＸ６", "53340100MJ3K7L8MX6", "foundation", "full-width"],
    ["9134-0600-MA2P-BM9H-XD", "91340600MA2PBM9HXD", null, "hyphens, an enterprise code with no civil-affairs type"],
  ])("accepts %s and stores %s (%s; %s)", async (typed, stored, orgType) => {
    const user = await createUser(db());
    const result = await register(
      user.id,
      registeredForm({ uscc: typed, rating: "4A", ratingExpiresOn: "2028-12-31" }),
    );
    expect(result.status).toBe(302);
    const id = Number(result.location?.match(/^\/organizations\/(\d+)$/)?.[1]);
    const organization = await db()
      .selectFrom("organization")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(organization).toMatchObject({
      kind: "registered",
      uscc: stored,
      orgType,
      contactPhone: "13965010003",
      rating: "4A",
      ratingExpiresOn: "2028-12-31",
      sponsorCommunity: null,
      filingNumber: null,
    });
    const membership = await db()
      .selectFrom("organizationMember")
      .select(["userId", "role"])
      .where("organizationId", "=", id)
      .execute();
    expect(membership).toEqual([{ userId: user.id, role: "owner" }]);
    const audit = await db()
      .selectFrom("auditEvent")
      .select(["action", "actorUserId", "organizationId"])
      .where("entityType", "=", "organization")
      .where("entityId", "=", id)
      .execute();
    expect(audit).toEqual([{ action: "organization.registered", actorUserId: user.id, organizationId: id }]);
  });

  test("refuses a code that is already registered, next to the code field", async () => {
    await createOrganization(db(), {
      kind: "registered",
      uscc: "52340111MJ1D3E4F6W",
      orgType: "private_non_enterprise",
    });
    const user = await createUser(db());
    const before = await counts();
    const result = await register(user.id, registeredForm({ uscc: "52340111mj1d3e4f6w" }));
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.uscc).toContain("已在平台登记");
    expect(await counts()).toEqual(before);
  });

  test("refuses a rating without its expiry date and a half-filled bank account", async () => {
    const user = await createUser(db());
    const before = await counts();
    const result = await register(
      user.id,
      registeredForm({ uscc: "52340102MJ4N9P0Q8X", rating: "3A", bankName: "中国工商银行合肥南七支行" }),
    );
    expect(result.status).toBe(400);
    expect(Object.keys(result.data.fieldErrors).sort()).toEqual([
      "bankAccountName",
      "bankAccountNumber",
      "ratingExpiresOn",
    ]);
    expect(await counts()).toEqual(before);
  });

  test("refuses a filed team without its sponsoring community", async () => {
    const user = await createUser(db());
    const before = await counts();
    const result = await register(user.id, teamForm({ sponsorCommunity: "  " }));
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors).toEqual({ sponsorCommunity: "此项为必填" });
    expect(await counts()).toEqual(before);
  });

  test("registers a filed team and ignores the registered organisation's fields posted with it", async () => {
    const user = await createUser(db());
    const result = await register(
      user.id,
      teamForm({
        uscc: "not a code",
        rating: "5A",
        filedOn: "2024-03-15",
        bankAccountName: "李桂兰",
        bankAccountNumber: "6217-0012-3456-7890",
        bankName: "中国建设银行合肥南七支行",
      }),
    );
    expect(result.status).toBe(302);
    const id = Number(result.location?.split("/").pop());
    const organization = await db()
      .selectFrom("organization")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(organization).toMatchObject({
      kind: "filed_team",
      uscc: null,
      orgType: null,
      rating: null,
      sponsorCommunity: "幸福社区居民委员会",
      filingNumber: "NQ-BA-2024-017",
      responsiblePerson: "李桂兰",
      registeredOn: "2024-03-15",
      bankAccountNumber: "6217001234567890",
    });
    const audit = await db()
      .selectFrom("auditEvent")
      .select("after")
      .where("action", "=", "organization.registered")
      .where("entityId", "=", id)
      .executeTakeFirstOrThrow();
    // The audit log keeps who changed what, but not a full bank account number.
    expect(audit.after).toContain("****7890");
    expect(audit.after).not.toContain("6217001234567890");
  });
});
