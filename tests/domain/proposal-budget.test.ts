import { describe, expect, test } from "vitest";
import {
  type BudgetLineAmounts,
  budgetTotals,
  capAmountFen,
  grantShareBp,
  lineAmountFen,
  parseQuantity,
  quantityToInput,
  shareExceeds,
} from "~/features/proposals/budget";

describe("budget line amount", () => {
  test.each<[number | null, number | null, number, string]>([
    [4_000, 3_000, 120_000, "40 元 × 30 份"],
    [20_000, 150, 30_000, "200 元/小时 × 1.5 小时"],
    [333, 150, 500, "3.33 元 × 1.5 rounds 4.995 half up to 5.00"],
    [333, 149, 496, "3.33 元 × 1.49 = 4.9617 rounds down"],
    [1, 50, 1, "0.01 元 × 0.5 = 0.005 rounds half up"],
    [0, 100, 0, "free item"],
    [null, 100, 0, "no price yet"],
    [100, null, 0, "no quantity yet"],
  ])("%s fen × %s hundredths = %s fen (%s)", (price, quantity, amount) => {
    expect(lineAmountFen(price, quantity)).toBe(amount);
  });

  test("multiplies huge inputs without overflowing, so the schema can refuse them as too large", () => {
    expect(lineAmountFen(1_000_000_000_000, 100_000_000)).toBe(1e18);
  });
});

describe("budget totals", () => {
  const line = (
    category: string,
    unitPriceFen: number,
    quantity: number,
    fundingSource: BudgetLineAmounts["fundingSource"],
  ) => ({
    category,
    unitPriceFen,
    quantityHundredths: quantity * 100,
    fundingSource,
  });

  test("adds up per category and per source, grant = grant-funded lines, blank rows skipped", () => {
    const totals = budgetTotals([
      line("activity_materials", 5_000, 40, "grant"),
      null,
      line("personnel", 20_000, 10, "grant"),
      line("personnel", 20_000, 5, "self_raised"),
      line("publicity", 30_000, 1, "partner_match"),
    ]);
    expect(totals).toEqual({
      totalFen: 530_000,
      grantRequestedFen: 400_000,
      byCategory: { activity_materials: 200_000, personnel: 300_000, publicity: 30_000 },
      bySource: { grant: 400_000, self_raised: 100_000, partner_match: 30_000 },
      grantByCategory: { activity_materials: 200_000, personnel: 200_000 },
    });
    expect(grantShareBp(totals)).toBe(7548); // 75.4717%, rounded up
  });

  test("a share just over a limit never reads as the limit", () => {
    // ¥2,500 + ¥1,500 of grant and ¥999.99 self-raised: 80.0016% of the budget.
    const totals = budgetTotals([
      line("activity_materials", 250_000, 1, "grant"),
      line("publicity", 150_000, 1, "grant"),
      line("meals", 99_999, 1, "self_raised"),
    ]);
    expect(shareExceeds(totals.grantRequestedFen, totals.totalFen, 8000)).toBe(true);
    expect(grantShareBp(totals)).toBe(8001);
    expect(grantShareBp({ grantRequestedFen: 80_000, totalFen: 100_000 })).toBe(8000);
  });

  test("an empty budget has no share", () => {
    expect(grantShareBp(budgetTotals([]))).toBeNull();
  });
});

describe("shares in integers", () => {
  test.each([
    [8_000, 10_000, 8000, false, "exactly at 80%"],
    [8_001, 10_000, 8000, true, "one fen above 80%"],
    [1, 3, 3333, true, "1/3 is above 33.33%"],
    [1, 3, 3334, false, "1/3 is below 33.34%"],
  ])("%s of %s against %s bp exceeds: %s (%s)", (part, whole, cap, exceeds) => {
    expect(shareExceeds(part, whole, cap)).toBe(exceeds);
  });

  test("a cap amount is rounded down to the fen", () => {
    expect(capAmountFen(333_333, 1000)).toBe(33_333);
  });
});

describe("quantities", () => {
  test.each([
    ["30", 3_000],
    ["1.5", 150],
    ["0.25", 25],
    ["１２", 1_200],
    ["1,000", 100_000],
    ["2.", 200],
    [" 3 ", 300],
  ])("%j → %s hundredths", (input, hundredths) => {
    expect(parseQuantity(input)).toBe(hundredths);
    expect(parseQuantity(quantityToInput(hundredths))).toBe(hundredths);
  });

  test.each(["", "abc", "1.234", "-1", "1e3", "1/2"])("%j is refused", (input) => {
    expect(parseQuantity(input)).toBeNull();
  });
});
