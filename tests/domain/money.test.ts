import { describe, expect, test } from "vitest";
import {
  bpToPercentInput,
  fenToYuanInput,
  MAX_AMOUNT_FEN,
  optionalPercentShare,
  optionalYuanAmount,
  parsePercentToBp,
  parseYuan,
  percentShare,
  yuanAmount,
} from "~/lib/money";

describe("parseYuan", () => {
  test.each([
    ["5000", 500_000],
    ["0", 0],
    ["0.01", 1],
    ["5000.5", 500_050],
    ["5000.50", 500_050],
    ["5,000.50", 500_050],
    ["1,234,567.89", 123_456_789],
    ["５０００", 500_000],
    ["５，０００．５０", 500_050],
    ["¥5000", 500_000],
    ["￥5,000", 500_000],
    ["RMB 5000", 500_000],
    ["5000元", 500_000],
    ["¥ 5 000 元", 500_000],
    ["  3000  ", 300_000],
    ["1.5万", 1_500_000],
    ["3万元", 3_000_000],
    ["１.２万", 1_200_000],
    ["0.000001万", 1],
    ["12.345678万", 12_345_678],
    ["007", 700],
    ["5.", 500],
    ["10000000000", MAX_AMOUNT_FEN],
    ["100亿", null],
  ])("reads %j as %j fen", (input, fen) => {
    const result = parseYuan(input);
    if (fen === null) expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, fen });
  });

  test.each([
    ["", "empty"],
    ["   ", "empty"],
    ["12.345", "tooManyDecimals"],
    ["12.340", "tooManyDecimals"],
    ["１２．３４５", "tooManyDecimals"],
    ["1.2345678万", "tooManyDecimals"],
    ["-5", "negative"],
    ["−5", "negative"],
    ["¥-5", "negative"],
    ["-¥5", "negative"],
    ["abc", "invalid"],
    ["5000abc", "invalid"],
    ["1,5", "invalid"],
    ["50,00", "invalid"],
    [".5", "invalid"],
    ["5..0", "invalid"],
    ["5万万", "invalid"],
    ["¥", "invalid"],
    ["元", "invalid"],
    ["1e5", "invalid"],
    ["0x10", "invalid"],
    ["-abc", "invalid"],
    ["10000000000.01", "tooLarge"],
    ["1000000.01万", "tooLarge"],
    ["99999999999999999999999", "tooLarge"],
  ])("refuses %j with %s", (input, code) => {
    expect(parseYuan(input)).toEqual({ ok: false, code });
  });
});

describe("fenToYuanInput", () => {
  test.each([
    [500_000, "5000"],
    [500_050, "5000.50"],
    [500_005, "5000.05"],
    [1, "0.01"],
    [0, "0"],
    [-150, "-1.50"],
  ])("writes %d fen as %j", (fen, text) => {
    expect(fenToYuanInput(fen)).toBe(text);
  });

  test.each([0, 1, 99, 100, 123_456_789, MAX_AMOUNT_FEN])("round-trips %d fen through the input text", (fen) => {
    expect(parseYuan(fenToYuanInput(fen))).toEqual({ ok: true, fen });
  });
});

describe("percent shares", () => {
  test.each([
    ["30", 3000],
    ["30%", 3000],
    ["12.5", 1250],
    ["12.05", 1205],
    ["0", 0],
    ["100", 10_000],
    ["100.00", 10_000],
    ["３０％", 3000],
    ["0001", 100],
  ])("reads %j as %d basis points", (input, bp) => {
    expect(parsePercentToBp(input)).toEqual({ ok: true, bp });
  });

  test.each([
    ["", "empty"],
    ["100.01", "invalid"],
    ["101", "invalid"],
    ["12.345", "invalid"],
    ["-5", "invalid"],
    ["abc", "invalid"],
    ["99999999999999999999", "invalid"],
  ])("refuses %j (%s)", (input, code) => {
    expect(parsePercentToBp(input)).toEqual({ ok: false, code });
  });

  test.each([
    [3000, "30"],
    [1250, "12.5"],
    [1205, "12.05"],
    [0, "0"],
    [10_000, "100"],
  ])("writes %d basis points as %j", (bp, text) => {
    expect(bpToPercentInput(bp)).toBe(text);
  });
});

describe("zod fields", () => {
  const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
    result.error?.issues[0]?.message;

  test.each([
    ["12.345", "validation:amount.tooManyDecimals"],
    ["abc", "validation:amount.invalid"],
    ["-1", "validation:amount.negative"],
    ["99999999999999", "validation:amount.tooLarge"],
    ["", "validation:required"],
  ])("yuanAmount refuses %j with %s", (input, message) => {
    expect(messageOf(yuanAmount().safeParse(input))).toBe(message);
  });

  test("yuanAmount gives fen", () => {
    expect(yuanAmount().parse("1.5万")).toBe(1_500_000);
  });

  test("optional fields read blank as null and still refuse bad text", () => {
    expect(optionalYuanAmount().parse(" ")).toBeNull();
    expect(messageOf(optionalYuanAmount().safeParse("1.001"))).toBe("validation:amount.tooManyDecimals");
    expect(optionalPercentShare().parse("")).toBeNull();
    expect(optionalPercentShare().parse("10")).toBe(1000);
    expect(messageOf(optionalPercentShare().safeParse("120"))).toBe("validation:share.invalid");
  });

  test("percentShare requires a value", () => {
    expect(messageOf(percentShare().safeParse(""))).toBe("validation:required");
    expect(percentShare().parse("60")).toBe(6000);
  });
});
