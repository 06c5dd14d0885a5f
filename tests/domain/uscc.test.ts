import { describe, expect, test } from "vitest";
import { checkUscc, normalizeUscc, parseUscc, usccCheckCharacter } from "~/features/organizations/uscc";

describe("USCC check (GB 32100-2015)", () => {
  test.each([
    ["53100000500019795A", "civil_affairs", "foundation"],
    ["51310110501144395U", "civil_affairs", "social_group"],
    ["52340104MJ0A1B2C54", "civil_affairs", "private_non_enterprise"],
    ["51340103MJ2G5H6J5U", "civil_affairs", "social_group"],
    ["53340100MJ3K7L8MX6", "civil_affairs", "foundation"],
    ["53440304MJ9G9H0J11", "civil_affairs", "foundation"],
    ["52340111MJ1D3E4F6W", "civil_affairs", "private_non_enterprise"],
    ["52440106MJ6W3X4YX5", "civil_affairs", "private_non_enterprise"],
    ["52340104MJ00002370", "civil_affairs", "private_non_enterprise"],
    ["52340104MJ0000114Y", "civil_affairs", "private_non_enterprise"],
    ["91110000600037341L", "market_regulation", null],
    ["91350100M000100Y43", "market_regulation", null],
    ["91340600MA2PBM9HXD", "market_regulation", null],
    ["92340621MA2UK3PJXE", "market_regulation", null],
    ["121200004013590816", "establishment_office", null],
  ])("accepts %s as a code of %s (%s)", (code, department, orgType) => {
    expect(parseUscc(code)).toEqual({ ok: true, code, department, orgType });
  });

  test("computes '0' when the weighted sum is a multiple of 31 and 'Y' when it leaves 1", () => {
    expect(usccCheckCharacter("52340104MJ0000237")).toBe("0");
    expect(usccCheckCharacter("52340104MJ0000114")).toBe("Y");
  });

  test.each([
    ["52340104MJ0A1B2C55", "checksum", "wrong check character (4 expected)"],
    ["91310115MA1G4L1WXK", "checksum", "a code computed with the wrong (mod 11) rule"],
    ["52110101MJ0018899X", "checksum", "a fabricated demo code"],
    ["52340104MJ0A1B2CS4", "character", "S is not in the alphabet"],
    ["91350100M000100Y4Z", "character", "Z is not in the alphabet"],
    ["52340104MJ0A1B2CI4", "character", "I is not in the alphabet"],
    ["52340104MJ0A1B2C#4", "character", "punctuation"],
    ["5234010AMJ0A1B2C54", "region", "a letter in the region code"],
    ["52340104MJ0A1B2C5", "length", "17 characters"],
    ["52340104MJ0A1B2C544", "length", "19 characters"],
    ["", "length", "nothing typed"],
    ["54340104MJ0A1B2C54", "category", "civil affairs has no category 4"],
  ])("rejects %s: %s (%s)", (input, problem) => {
    expect(parseUscc(input)).toMatchObject({ ok: false, problem });
  });

  test.each([
    ["52340104mj0a1b2c54", "lower case"],
    ["５２３４０１０４ＭＪ０Ａ１Ｂ２Ｃ５４", "full-width digits and letters"],
    [" 5234 0104 MJ0A 1B2C 54 ", "spaces"],
    ["52340104-MJ0A1B2C-54", "ASCII hyphens"],
    ["52340104—MJ0A1B2C－54", "em dash and full-width hyphen"],
    ["52340104\u3000MJ0A1B2C\u00A054", "ideographic and non-breaking spaces"],
    ["52340104\u200BMJ0A1B2C54", "a zero-width space from a web page"],
  ])("normalises %j (%s) to the canonical code", (input) => {
    expect(normalizeUscc(input)).toBe("52340104MJ0A1B2C54");
    expect(parseUscc(input)).toMatchObject({ ok: true, code: "52340104MJ0A1B2C54" });
  });

  test("reports the length before any other problem, so a short code is not called a bad checksum", () => {
    expect(checkUscc("52340104MJ0A1B2CS")).toMatchObject({ ok: false, problem: "length" });
  });
});
