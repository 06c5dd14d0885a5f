// Budget arithmetic of a proposal, in integer fen: a line's amount is unit price × quantity, rounded half up to
// the fen once; totals per cost category and per funding source; the grant requested is the sum of grant-funded
// lines, and its share of the total is compared with the program's cap in integers (no rounding at the boundary).
export const fundingSources = ["grant", "self_raised", "partner_match"] as const;
export type FundingSource = (typeof fundingSources)[number];

/** Quantities carry two decimals (1.5 小时, 0.5 天) and are kept as hundredths so they multiply exactly. */
export const QUANTITY_SCALE = 100;

export interface BudgetLineAmounts {
  category: string | null;
  unitPriceFen: number | null;
  quantityHundredths: number | null;
  fundingSource: FundingSource | null;
}

/** Unit price × quantity in fen, half up; 0 while either is missing (a draft row). BigInt keeps it exact. */
export function lineAmountFen(unitPriceFen: number | null, quantityHundredths: number | null): number {
  if (unitPriceFen === null || quantityHundredths === null) return 0;
  const product = BigInt(unitPriceFen) * BigInt(quantityHundredths);
  const scale = BigInt(QUANTITY_SCALE);
  return Number((product + scale / 2n) / scale);
}

export interface BudgetTotals {
  totalFen: number;
  grantRequestedFen: number;
  byCategory: Partial<Record<string, number>>;
  bySource: Record<FundingSource, number>;
  /** Grant-funded amounts per category: the personnel and management caps apply to what the grant pays. */
  grantByCategory: Partial<Record<string, number>>;
}

export function budgetTotals(lines: readonly (BudgetLineAmounts | null)[]): BudgetTotals {
  const totals: BudgetTotals = {
    totalFen: 0,
    grantRequestedFen: 0,
    byCategory: {},
    bySource: { grant: 0, self_raised: 0, partner_match: 0 },
    grantByCategory: {},
  };
  for (const line of lines) {
    if (!line) continue;
    const amount = lineAmountFen(line.unitPriceFen, line.quantityHundredths);
    totals.totalFen += amount;
    if (line.category) totals.byCategory[line.category] = (totals.byCategory[line.category] ?? 0) + amount;
    if (line.fundingSource) totals.bySource[line.fundingSource] += amount;
    if (line.fundingSource === "grant") {
      totals.grantRequestedFen += amount;
      if (line.category) totals.grantByCategory[line.category] = (totals.grantByCategory[line.category] ?? 0) + amount;
    }
  }
  return totals;
}

/**
 * The grant's share of the total in basis points, for display (checks use shareExceeds). Rounded up, so a share just
 * over a program's limit (80.0016% of 80%) reads as over it ("80.01%"), never as the limit itself.
 */
export function grantShareBp(totals: Pick<BudgetTotals, "grantRequestedFen" | "totalFen">): number | null {
  if (totals.totalFen <= 0) return null;
  return Number((BigInt(totals.grantRequestedFen) * 10_000n + BigInt(totals.totalFen) - 1n) / BigInt(totals.totalFen));
}

/** part / whole > capBp / 10000, decided in integers. */
export function shareExceeds(partFen: number, wholeFen: number, capBp: number): boolean {
  return BigInt(partFen) * 10_000n > BigInt(capBp) * BigInt(wholeFen);
}

/** The largest amount within capBp of base, in whole fen (rounded down so it is never above the cap). */
export function capAmountFen(baseFen: number, capBp: number): number {
  return Number((BigInt(baseFen) * BigInt(capBp)) / 10_000n);
}

/** "1.5" → 150 hundredths; null when the text is not a non-negative number with at most two decimals. */
export function parseQuantity(input: string): number | null {
  const text = input.normalize("NFKC").replace(/[\s,]/g, "");
  const match = /^(?<integer>\d+)(?:\.(?<fraction>\d{0,2}))?$/.exec(text);
  if (!match?.groups) return null;
  const integer = match.groups.integer ?? "0";
  if (integer.replace(/^0+(?=\d)/, "").length > 9) return null;
  return Number(integer) * QUANTITY_SCALE + Number((match.groups.fraction ?? "").padEnd(2, "0"));
}

/** 150 → "1.5", 200 → "2": the text a quantity input shows again. */
export function quantityToInput(hundredths: number): string {
  const whole = Math.trunc(hundredths / QUANTITY_SCALE);
  const fraction = String(hundredths % QUANTITY_SCALE)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}
