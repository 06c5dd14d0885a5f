import { describe, expect, test } from "vitest";
import { costCategories } from "~/features/programs/catalogues";
import { auditFieldLabel, auditFieldValue, describeAuditChanges, rawAuditValue } from "~/features/admin/audit-fields";
import { translatorFor } from "~/lib/i18n/i18n.server";
import type { Language } from "~/lib/i18n/config";

const show = (language: Language, entityType: string, field: string, value: unknown) =>
  auditFieldValue(field, value, entityType, translatorFor(language), language);

describe("auditFieldLabel", () => {
  test.each([
    ["zh-CN", "proposal", "status", "状态"],
    ["en", "proposal", "status", "Status"],
    ["zh-CN", "proposal", "grantRequestedFen", "申请资助金额"],
    ["en", "proposal", "grantRequestedFen", "Grant requested"],
    ["zh-CN", "funder", "contactName", "联系人"],
    ["zh-CN", "funder", "name", "资助方名称"],
    ["zh-CN", "user", "name", "姓名"],
    ["zh-CN", "user", "isPlatformAdmin", "平台管理员"],
    ["zh-CN", "program", "opensAt", "申报开始时间"],
    ["zh-CN", "program", "implementationStartsOn", "实施期开始日期"],
    ["zh-CN", "proposal", "someNewField", "someNewField"],
    ["en", "proposal", "someNewField", "someNewField"],
    ["zh-CN", "proposal", "value", "value"],
    // A name that is not a plain identifier never reaches the dictionary (it would name a group of labels).
    ["zh-CN", "user", "audit.title", "audit.title"],
    ["zh-CN", "user.x", "name", "名称"],
  ] as const)("%s: %s.%s reads %s", (language, entityType, field, label) => {
    expect(auditFieldLabel(field, entityType, translatorFor(language))).toBe(label);
  });
});

describe("auditFieldValue", () => {
  test.each([
    // Money in fen, as yuan with two decimals.
    ["zh-CN", "proposal", "grantRequestedFen", 350000, "¥3,500.00"],
    ["en", "proposal", "totalBudgetFen", 1234567, "¥12,345.67"],
    ["zh-CN", "program", "grantMaxFen", 0, "¥0.00"],
    // Instants in Beijing time: 16:00 UTC is midnight of the next day.
    ["zh-CN", "program", "opensAt", "2026-03-01T16:00:00.000Z", "2026/03/02 00:00"],
    ["en", "program", "closesAt", "2026-03-01T16:00:00.000Z", "03/02/2026, 00:00"],
    ["zh-CN", "user", "lockedUntil", "2026-03-01T02:05:00.000Z", "2026/03/01 10:05"],
    // Calendar dates, with no time zone of their own.
    ["zh-CN", "organization", "registeredOn", "2019-06-18", "2019/06/18"],
    ["en", "program", "implementationEndsOn", "2026-12-31", "12/31/2026"],
    // Shares in basis points.
    ["zh-CN", "program", "maxGrantShareBp", 8000, "80%"],
    ["en", "program", "personnelCapBp", 1250, "12.5%"],
    // Statuses and other codes, from their own feature's dictionary, by record type.
    ["zh-CN", "proposal", "status", "submitted", "已提交"],
    ["zh-CN", "proposal", "status", "returned", "退回修改"],
    ["zh-CN", "program", "status", "open", "已发布"],
    ["zh-CN", "funder", "kind", "street_office", "街道办事处"],
    ["zh-CN", "organization", "kind", "filed_team", "街道备案的社区社会组织"],
    ["zh-CN", "organization", "orgType", "foundation", "基金会"],
    ["zh-CN", "organization_member", "role", "owner", "管理员"],
    ["zh-CN", "invitation", "kind", "funder_manager", "资助方管理人员"],
    ["en", "invitation", "kind", "organization_member", "Organisation member"],
    ["zh-CN", "user", "reason", "first_account", "平台的第一个账户"],
    // A code no dictionary knows, or a field that is not a code on that record, shows as stored.
    ["zh-CN", "proposal", "status", "archived", "archived"],
    ["zh-CN", "proposal", "status", "status.draft", "status.draft"],
    ["zh-CN", "user", "status", "submitted", "submitted"],
    // Yes and no.
    ["zh-CN", "user", "isPlatformAdmin", true, "是"],
    ["zh-CN", "user", "isPlatformAdmin", false, "否"],
    ["en", "user", "isPlatformAdmin", true, "Yes"],
    // Nothing, and plain values.
    ["zh-CN", "proposal", "grantRequestedFen", null, "—"],
    ["zh-CN", "program", "opensAt", null, "—"],
    ["zh-CN", "funder", "contactName", "孙主任", "孙主任"],
    ["zh-CN", "proposal", "version", 2, "2"],
    // A value without the shape its name promises shows as stored rather than breaking the page.
    ["zh-CN", "proposal", "grantRequestedFen", "350000", "350000"],
    ["zh-CN", "proposal", "grantRequestedFen", 12.5, "12.5"],
    ["zh-CN", "program", "opensAt", "not a time", "not a time"],
    ["zh-CN", "program", "implementationStartsOn", "2026-03", "2026-03"],
    ["zh-CN", "program", "maxGrantShareBp", "80%", "80%"],
  ] as const)("%s: %s.%s = %j reads %s", (language, entityType, field, value, shown) => {
    expect(show(language, entityType, field, value)).toBe(shown);
  });
});

describe("a program's list fields", () => {
  const plan503010 = {
    preset: "50-40-10",
    tranches: [
      { shareBp: 5000, gate: "signing" },
      { shareBp: 4000, gate: "midterm_approved" },
      { shareBp: 1000, gate: "final_approved" },
    ],
  };
  const sources = [
    { name: "南七街道社区慈善基金", kind: "community_charity_fund", amountFen: 10000000 },
    { name: "区民政局", kind: "public_budget", amountFen: 5000000 },
  ];

  test.each([
    // Codes read as their catalogue labels, joined as the language joins a list.
    [
      "zh-CN",
      "prohibitedCategories",
      ["fixed_assets", "cash_gifts", "hospitality"],
      "固定资产购置、直接发放现金或慰问品、公务接待",
    ],
    ["en", "prohibitedCategories", ["taxes", "other"], "Taxes, Other"],
    ["zh-CN", "prohibitedCategories", [], "无"],
    ["en", "prohibitedCategories", [], "none"],
    ["zh-CN", "eligibleKinds", ["registered"], "登记注册的社会组织"],
    [
      "en",
      "eligibleKinds",
      ["registered", "filed_team"],
      "Registered social organisations, Community teams filed with the street office",
    ],
    // Focus areas by name, with their quota when they have one.
    [
      "zh-CN",
      "categories",
      [
        { name: "为老服务", quota: 5 },
        { name: "儿童关爱", quota: null },
      ],
      "为老服务（名额 5）、儿童关爱",
    ],
    [
      "en",
      "categories",
      [
        { name: "为老服务", quota: 5 },
        { name: "儿童关爱", quota: null },
      ],
      "为老服务 (quota 5), 儿童关爱",
    ],
    // Target groups: a program's own group by its name, a standard one by its catalogue label.
    [
      "zh-CN",
      "targetGroups",
      [
        { code: "elderly", name: null },
        { code: "custom", name: "新市民" },
      ],
      "一老（老年人）、新市民",
    ],
    ["en", "targetGroups", [{ code: "disabled", name: null }], "People with disabilities"],
    // Funding sources: name, amount in yuan, kind.
    [
      "zh-CN",
      "fundingSources",
      sources,
      "南七街道社区慈善基金 ¥100,000.00（社区慈善基金）、区民政局 ¥50,000.00（财政资金 / 福彩公益金）",
    ],
    ["en", "fundingSources", sources.slice(1), "区民政局 ¥50,000.00 (Public budget / welfare lottery fund)"],
    // Tranches: each share and when it is paid.
    ["zh-CN", "tranchePlan", plan503010, "50%（签订协议后）、40%（中期评估通过后）、10%（结项验收通过后）"],
    [
      "en",
      "tranchePlan",
      {
        preset: "custom",
        tranches: [
          { shareBp: 7050, gate: "signing" },
          { shareBp: 2950, gate: "final_approved" },
        ],
      },
      "70.5% (On signing the agreement), 29.5% (When the final review passes)",
    ],
    // A code the dictionary does not know reads as itself, like the other coded values.
    ["zh-CN", "prohibitedCategories", ["taxes", "drones"], "税费、drones"],
    ["en", "fundingSources", [{ name: "X", kind: "lottery", amountFen: 100 }], "X ¥1.00 (lottery)"],
    // A list too long for the cell is shortened by whole items and says how many there are.
    [
      "zh-CN",
      "categories",
      Array.from({ length: 12 }, (_, i) => ({ name: `关注领域第${i + 1}项`, quota: 10 })),
      "关注领域第1项（名额 10）、关注领域第2项（名额 10）、关注领域第3项（名额 10）、关注领域第4项（名额 10）、关注领域第5项（名额 10）、关注领域第6项（名额 10）、关注领域第7项（名额 10）等 12 项",
    ],
    [
      "en",
      "prohibitedCategories",
      costCategories,
      "Activity materials, Publicity, Expert fees, Personnel subsidies, Transport, Meals, Venue, Management, Taxes and 4 more",
    ],
    // One item longer than the cell is cut like any long value.
    ["zh-CN", "categories", [{ name: "长".repeat(130), quota: null }], `${"长".repeat(119)}…`],
  ] as const)("%s: %s = %j reads %s", (language, field, value, shown) => {
    expect(show(language, "program", field, value)).toBe(shown);
  });

  // Old events and other shapes show as stored, exactly as before lists were read.
  test.each([
    ["prohibitedCategories", "fixed_assets"],
    ["prohibitedCategories", [1, 2]],
    ["prohibitedCategories", ["catalogue.costCategory"]],
    ["eligibleKinds", { registered: true }],
    ["categories", ["为老服务", "儿童关爱"]],
    ["categories", [{ name: "为老服务", quota: "5" }]],
    ["categories", [{ name: "为老服务" }]],
    ["targetGroups", ["elderly", "children"]],
    ["targetGroups", [{ code: "elderly" }]],
    ["fundingSources", [{ name: "街道福彩公益金", amountFen: 10000000 }]],
    ["fundingSources", [{ name: "街道福彩公益金", kind: "public_budget", amountFen: 100.5 }]],
    ["tranchePlan", "50-40-10"],
    ["tranchePlan", [{ shareBp: 5000, gate: "signing" }]],
    ["tranchePlan", { preset: "50-40-10" }],
    ["tranchePlan", { tranches: [{ share: 50, gate: "signing" }] }],
  ])("%s = %j shows as stored", (field, value) => {
    expect(show("zh-CN", "program", field, value)).toBe(rawAuditValue(value));
  });

  test.each([
    // The readings belong to a program's fields: the same name on another record, or a new field, shows as stored.
    ["proposal", "categories", ["taxes"]],
    ["program", "someNewList", ["taxes"]],
    ["program", "constructor", ["taxes"]],
    ["constructor", "name", ["taxes"]],
  ])("%s.%s = %j shows as stored", (entityType, field, value) => {
    expect(show("en", entityType, field, value)).toBe(rawAuditValue(value));
  });
});

describe("rawAuditValue", () => {
  test.each([
    [null, "—"],
    [undefined, "—"],
    ["短文本", "短文本"],
    [true, "true"],
    [{ a: 1 }, '{"a":1}'],
    [[50, 50], "[50,50]"],
    ["长".repeat(80), `${"长".repeat(59)}…`],
  ])("%j → %s", (value, shown) => {
    expect(rawAuditValue(value)).toBe(shown);
  });

  test("long JSON from a structured field is shortened too", () => {
    expect(
      show("zh-CN", "program", "fundingSources", [
        { name: "街道福彩公益金", amountFen: 10000000 },
        { name: "区慈善会配套资金", amountFen: 5000000 },
      ]),
    ).toMatch(/…$/);
  });
});

describe("describeAuditChanges", () => {
  test("labels each line and formats both sides, keeping the stored name and the hidden count", () => {
    const changes = describeAuditChanges(
      {
        lines: [
          { field: "status", before: "submitted", after: "returned" },
          { field: "grantRequestedFen", before: null, after: 350000 },
        ],
        hidden: 2,
      },
      "proposal",
      translatorFor("zh-CN"),
      "zh-CN",
    );
    expect(changes).toEqual({
      lines: [
        { field: "status", label: "状态", before: "已提交", after: "退回修改" },
        { field: "grantRequestedFen", label: "申请资助金额", before: "—", after: "¥3,500.00" },
      ],
      hidden: 2,
    });
  });

  test("a side the event does not have stays absent", () => {
    const t = translatorFor("en");
    expect(
      describeAuditChanges({ lines: [{ field: "email", after: "a@example.cn" }], hidden: 0 }, "invitation", t, "en"),
    ).toEqual({ lines: [{ field: "email", label: "Email", after: "a@example.cn" }], hidden: 0 });
    expect(
      describeAuditChanges({ lines: [{ field: "role", before: "member" }], hidden: 0 }, "organization_member", t, "en"),
    ).toEqual({ lines: [{ field: "role", label: "Role", before: "Member" }], hidden: 0 });
  });
});
