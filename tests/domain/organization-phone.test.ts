import { describe, expect, test } from "vitest";
import { formatMobile, normalizeMobile } from "~/features/organizations/phone";

describe("mainland mobile numbers", () => {
  test.each([
    ["13965010003", "13965010003"],
    ["139 6501 0003", "13965010003"],
    ["139-6501-0003", "13965010003"],
    ["+86 139 6501 0003", "13965010003"],
    ["+86-13965010003", "13965010003"],
    ["0086 13965010003", "13965010003"],
    ["8613965010003", "13965010003"],
    ["１３９６５０１０００３", "13965010003"],
    ["19912345678", "19912345678"],
  ])("accepts %j as %s", (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected);
  });

  test.each([
    ["1396501000", "10 digits"],
    ["139650100031", "12 digits"],
    ["12965010003", "second digit 2"],
    ["23965010003", "does not start with 1"],
    ["0551-65010003", "a landline"],
    ["+1 13965010003", "another country code"],
    ["1396501000a", "a letter"],
    ["", "nothing typed"],
  ])("rejects %j (%s)", (input) => {
    expect(normalizeMobile(input)).toBeNull();
  });

  test("groups a number 3-4-4 for display and leaves anything else alone", () => {
    expect(formatMobile("13965010003")).toBe("139 6501 0003");
    expect(formatMobile("0551-65010003")).toBe("0551-65010003");
  });
});
