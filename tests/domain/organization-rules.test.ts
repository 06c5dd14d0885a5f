import { describe, expect, test } from "vitest";
import { addYears, isRatingCurrent, ratingExpiryProblem } from "~/features/organizations/rating";
import { OrganizationSchema } from "~/features/organizations/schemas";
import type { TFunction } from "i18next";
import { issuesToFieldErrors, zodErrorMap } from "~/lib/validation";
import { todayInChina } from "~/lib/time";

describe("rating validity", () => {
  test.each([
    ["2024-02-29", 5, "2029-03-01"],
    ["2026-11-28", 5, "2031-11-28"],
    ["2026-01-31", 1, "2027-01-31"],
  ])("%s plus %i years is %s", (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  test.each([
    ["2026-05-01", "2026-04-30", "expired"],
    ["2026-05-01", "2026-05-01", null],
    ["2026-05-01", "2031-05-01", null],
    ["2026-05-01", "2031-05-02", "beyondValidity"],
  ])("on %s an expiry of %s is %s", (today, expiresOn, problem) => {
    expect(ratingExpiryProblem(expiresOn, today)).toBe(problem);
  });

  test.each([
    ["4A", "2026-05-01", "2026-05-01", true],
    ["4A", "2026-04-30", "2026-05-01", false],
    [null, null, "2026-05-01", false],
  ])("rating %s expiring %s counts on %s: %s", (rating, expiresOn, today, current) => {
    expect(isRatingCurrent(rating, expiresOn, today)).toBe(current);
  });
});

const common = {
  name: "合肥市蜀山区阳光社会工作服务中心",
  district: "蜀山区",
  street: "南七街道",
  community: "南七社区",
  contactName: "陈思远",
  contactPhone: "+86 139-6501-0003",
  address: "合肥市蜀山区金寨路 128 号",
  introduction: "专业社会工作服务机构。",
  serviceExperience: "承接公益创投项目 9 个。",
  bankAccountName: "",
  bankAccountNumber: "",
  bankName: "",
};

const registered = {
  kind: "registered",
  ...common,
  uscc: "52340104mj0a1b2c54",
  registeredOn: "2019-06-18",
  rating: "",
  ratingExpiresOn: "",
};
const team = {
  kind: "filed_team",
  ...common,
  sponsorCommunity: "幸福社区居民委员会",
  filingNumber: "SSQ-BA-2024-001",
  responsiblePerson: "李桂兰",
  filedOn: "",
};

// A translator that answers with the key, so the tests read the dictionary keys the form would translate.
const keys = ((key: string) => key) as unknown as TFunction;

function errorsOf(input: unknown) {
  const result = OrganizationSchema.safeParse(input, { error: zodErrorMap(keys, "zh-CN") });
  return result.success ? {} : issuesToFieldErrors(result.error.issues);
}

describe("organisation form schema", () => {
  test("a registered organisation keeps only its own fields, with the code normalised and read", () => {
    const result = OrganizationSchema.parse({ ...registered, sponsorCommunity: "忽略", filingNumber: "忽略" });
    expect(result).toMatchObject({
      kind: "registered",
      contactPhone: "13965010003",
      uscc: { ok: true, code: "52340104MJ0A1B2C54", department: "civil_affairs", orgType: "private_non_enterprise" },
    });
    expect(result).not.toHaveProperty("sponsorCommunity");
  });

  test("a filed team needs no code, and a code posted with it is ignored", () => {
    const result = OrganizationSchema.parse({ ...team, uscc: "not a code" });
    expect(result).toMatchObject({ kind: "filed_team", filedOn: "" });
    expect(result).not.toHaveProperty("uscc");
  });

  test.each([
    [{ ...team, sponsorCommunity: "" }, "sponsorCommunity", "validation:required"],
    [{ ...team, filingNumber: " " }, "filingNumber", "validation:required"],
    [{ ...team, responsiblePerson: "" }, "responsiblePerson", "validation:required"],
    [{ ...registered, uscc: "" }, "uscc", "validation:required"],
    [{ ...registered, uscc: "52340104MJ0A1B2C55" }, "uscc", "organizations:errors.uscc.checksum"],
    [{ ...registered, rating: "4A" }, "ratingExpiresOn", "organizations:errors.ratingExpiryRequired"],
    [
      { ...registered, rating: "4A", ratingExpiresOn: "2020-01-01" },
      "ratingExpiresOn",
      "organizations:errors.ratingExpired",
    ],
    [
      { ...registered, rating: "4A", ratingExpiresOn: "2099-01-01" },
      "ratingExpiresOn",
      "organizations:errors.ratingBeyondValidity",
    ],
    [{ ...registered, rating: "6A", ratingExpiresOn: "2027-01-01" }, "rating", undefined],
    [{ ...registered, registeredOn: "2019-02-30" }, "registeredOn", "validation:date"],
    [{ ...registered, registeredOn: "2999-01-01" }, "registeredOn", "organizations:errors.dateInFuture"],
    [{ ...registered, contactPhone: "0551-6501000" }, "contactPhone", "validation:mobile"],
    [{ ...registered, introduction: "字".repeat(201) }, "introduction", undefined],
    [{ ...registered, bankName: "中国工商银行" }, "bankAccountNumber", "organizations:errors.bankIncomplete"],
    [
      { ...team, bankAccountName: "x", bankAccountNumber: "6222 02ab", bankName: "y" },
      "bankAccountNumber",
      "organizations:errors.bankAccountNumber",
    ],
  ])("refuses %#: %s", (input, field, message) => {
    const errors = errorsOf(input);
    expect(errors).toHaveProperty([field]);
    if (message) expect(errors[field]).toBe(message);
  });

  test("reports every problem of one submit at once, cross-field rules included", () => {
    const errors = errorsOf({ ...registered, name: "", uscc: "52340104MJ0A1B2CS4", rating: "3A", ratingExpiresOn: "" });
    expect(Object.keys(errors).sort()).toEqual(["name", "ratingExpiresOn", "uscc"]);
  });

  test("accepts a rating valid until exactly five years from today and a whole bank account without spaces", () => {
    const [year, rest] = [Number(todayInChina().slice(0, 4)), todayInChina().slice(4)];
    const result = OrganizationSchema.parse({
      ...registered,
      rating: "4A",
      ratingExpiresOn: `${year + 5}${rest === "-02-29" ? "-02-28" : rest}`,
      bankAccountName: "阳光社工",
      bankAccountNumber: "6222 0213 0200 1234 567",
      bankName: "中国工商银行合肥南七支行",
    });
    expect(result).toMatchObject({ rating: "4A", bankAccountNumber: "6222021302001234567" });
  });
});
