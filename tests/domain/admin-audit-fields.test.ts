import { describe, expect, test } from "vitest";
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
