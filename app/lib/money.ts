// Money as people type it and as we store it: yuan text in ("5,000.50", "１.２万", "¥5000元") and integer fen out,
// computed on digit strings so no floating-point rounding can ever creep into an amount. Percent shares become
// integer basis points the same way. Also the reverse, for putting stored values back into form inputs.
import { z } from "zod";

export type AmountErrorCode = "empty" | "invalid" | "tooManyDecimals" | "negative" | "tooLarge";
export type ParsedAmount = { ok: true; fen: number } | { ok: false; code: AmountErrorCode };

/** 100亿元: far above any community program, far below 2^53 fen, so every accepted amount is an exact integer. */
export const MAX_AMOUNT_FEN = 1_000_000_000_000;

// Thousands separators must sit every three digits ("5,000"), so "1,5" (a European decimal comma) is refused
// rather than silently read as fifteen.
const NUMBER_PATTERN = /^(?<integer>\d+|\d{1,3}(?:,\d{3})+)(?:\.(?<fraction>\d*))?$/;

/**
 * Parses a yuan amount into fen. Full-width characters are folded first (NFKC turns "５０００" into "5000", "，"
 * into "," and "￥" into "¥"); spaces are ignored; a leading ¥/RMB/CNY and a trailing 元 are allowed; a trailing
 * 万 multiplies by ten thousand and then allows six decimals, since 1.234567万 is still a whole number of fen.
 */
export function parseYuan(input: string): ParsedAmount {
  let text = input.normalize("NFKC").replace(/\s+/g, "");
  if (text === "") return { ok: false, code: "empty" };

  let negative = false;
  const stripSign = () => {
    const sign = /^[-−+]/.exec(text)?.[0];
    if (sign) {
      negative ||= sign !== "+";
      text = text.slice(1);
    }
  };
  stripSign();
  text = text.replace(/^(?:¥|RMB|CNY)/i, "");
  stripSign();
  text = text.replace(/元$/, "");
  const tenThousands = text.endsWith("万");
  if (tenThousands) text = text.slice(0, -1);

  const match = NUMBER_PATTERN.exec(text);
  if (!match?.groups) return { ok: false, code: "invalid" };
  if (negative) return { ok: false, code: "negative" };

  const integer = (match.groups.integer ?? "").replace(/,/g, "");
  const fraction = match.groups.fraction ?? "";
  // Fen per unit typed: 100 per yuan, 1,000,000 per 万 (10,000 yuan × 100 fen).
  const scale = tenThousands ? 6 : 2;
  if (fraction.length > scale) return { ok: false, code: "tooManyDecimals" };

  const digits = `${integer}${fraction.padEnd(scale, "0")}`.replace(/^0+(?=\d)/, "");
  if (digits.length > String(MAX_AMOUNT_FEN).length || BigInt(digits) > BigInt(MAX_AMOUNT_FEN)) {
    return { ok: false, code: "tooLarge" };
  }
  return { ok: true, fen: Number(digits) };
}

/** Fen back into the plain text a yuan input accepts: 500000 → "5000", 500050 → "5000.50". */
export function fenToYuanInput(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const absolute = Math.abs(fen);
  const yuan = Math.trunc(absolute / 100);
  const cents = absolute % 100;
  return cents === 0 ? `${sign}${yuan}` : `${sign}${yuan}.${String(cents).padStart(2, "0")}`;
}

export type ParsedShare = { ok: true; bp: number } | { ok: false; code: "empty" | "invalid" };

/** A share of 0–100 percent with at most two decimals ("12.5", "30%", "３０％") as basis points (0–10000). */
export function parsePercentToBp(input: string): ParsedShare {
  const text = input.normalize("NFKC").replace(/\s+/g, "").replace(/%$/, "");
  if (text === "") return { ok: false, code: "empty" };
  const match = /^(?<integer>\d+)(?:\.(?<fraction>\d{1,2}))?$/.exec(text);
  if (!match?.groups) return { ok: false, code: "invalid" };
  const digits = `${match.groups.integer}${(match.groups.fraction ?? "").padEnd(2, "0")}`;
  // More than five digits is above 100.00 whatever they are; checking first keeps Number() exact.
  if (digits.replace(/^0+(?=\d)/, "").length > 5) return { ok: false, code: "invalid" };
  const bp = Number(digits);
  return bp > 10_000 ? { ok: false, code: "invalid" } : { ok: true, bp };
}

/** Basis points back into percent input text: 3000 → "30", 1250 → "12.5". */
export function bpToPercentInput(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const fraction = String(bp % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

// zod fields for forms. Messages are dictionary keys, translated where they are shown.

const amountMessages: Record<AmountErrorCode, string> = {
  empty: "validation:required",
  invalid: "validation:amount.invalid",
  tooManyDecimals: "validation:amount.tooManyDecimals",
  negative: "validation:amount.negative",
  tooLarge: "validation:amount.tooLarge",
};

// One transform per field: the parser either gives the value or names the message for the field.
type Outcome<T> = { value: T } | { message: string };

function parsedText<T>(read: (text: string) => Outcome<T>) {
  return z.string().transform((text, ctx): T => {
    const outcome = read(text);
    if ("value" in outcome) return outcome.value;
    ctx.addIssue({ code: "custom", message: outcome.message });
    return z.NEVER;
  });
}

/** A required amount typed in yuan, parsed to integer fen. */
export const yuanAmount = () =>
  parsedText<number>((text) => {
    const parsed = parseYuan(text);
    return parsed.ok ? { value: parsed.fen } : { message: amountMessages[parsed.code] };
  });

/** An optional amount in yuan: blank means "no amount" (null). */
export const optionalYuanAmount = () =>
  parsedText<number | null>((text) => {
    const parsed = parseYuan(text);
    if (parsed.ok) return { value: parsed.fen };
    return parsed.code === "empty" ? { value: null } : { message: amountMessages[parsed.code] };
  });

/** A required percent share, parsed to basis points. */
export const percentShare = () =>
  parsedText<number>((text) => {
    const parsed = parsePercentToBp(text);
    if (parsed.ok) return { value: parsed.bp };
    return { message: parsed.code === "empty" ? "validation:required" : "validation:share.invalid" };
  });

/** An optional percent share: blank means "no limit" (null). */
export const optionalPercentShare = () =>
  parsedText<number | null>((text) => {
    const parsed = parsePercentToBp(text);
    if (parsed.ok) return { value: parsed.bp };
    return parsed.code === "empty" ? { value: null } : { message: "validation:share.invalid" };
  });
