// Turns rule errors into sentences in the user's language, with amounts, shares and dates formatted the way the
// rest of the portal shows them. Used by the server (field errors of a refused submission) and by the browser
// (the live budget check), so both say the same thing.
import type { TFunction } from "i18next";
import { formatDate, formatFen, formatInstant, formatShare } from "~/lib/format";
import type { FieldErrors } from "~/lib/validation";
import { applicantKindLabel, costCategoryLabel } from "./labels";
import type { RuleCode, RuleError } from "./submission-rules";

export function ruleMessageKey(code: RuleCode): string {
  return code === "required" ? "validation:required" : `proposals:rules.${code}`;
}

function formatParam(name: string, value: string | number, t: TFunction, language: string): string | number {
  if (typeof value === "number") {
    if (name.endsWith("Fen")) return formatFen(value, language);
    if (name.endsWith("Bp")) return formatShare(value, language);
    return value;
  }
  if (name.endsWith("On") && value) return formatDate(value, language);
  if (name.endsWith("At") && value) return formatInstant(value, language);
  if (name === "category") return costCategoryLabel(value, t);
  if (name === "kind") return applicantKindLabel(value, t);
  return value;
}

export function ruleMessage(error: RuleError, t: TFunction, language: string): string {
  const params = Object.fromEntries(
    Object.entries(error.params ?? {}).map(([name, value]) => [name, formatParam(name, value, t, language)]),
  );
  return t(ruleMessageKey(error.code), params);
}

/**
 * The messages of each path in one, ready to return as an action's fieldErrors. A field can break several rules at
 * once (the grant above the program's maximum and above its share of the budget), and the applicant should see them
 * all on the first try rather than meet the next one after fixing the first.
 */
export function ruleFieldErrors(errors: readonly RuleError[], t: TFunction, language: string): FieldErrors {
  const messages = new Map<string, string[]>();
  for (const error of errors) {
    const message = ruleMessage(error, t, language);
    const previous = messages.get(error.path) ?? [];
    if (!previous.includes(message)) messages.set(error.path, [...previous, message]);
  }
  return Object.fromEntries([...messages].map(([path, texts]) => [path, texts.join(" ")]));
}
