// Validation messages in the user's language, shared by the browser (react-hook-form's resolver) and the server.
// Schemas name their own messages as "validation:<key>" dictionary keys; zod's built-in checks get friendly
// messages from zodErrorMap and, failing that, from zod's own locale pack.
import type { TFunction } from "i18next";
import { z } from "zod";

export type FieldErrors = Record<string, string>;

type Issue = Parameters<z.core.$ZodErrorMap>[0];

export function zodErrorMap(t: TFunction, language: string): z.core.$ZodErrorMap {
  const fallback = language === "en" ? z.locales.en().localeError : z.locales.zhCN().localeError;
  return (issue: Issue) => friendlyMessage(issue, t) ?? fallback(issue);
}

function friendlyMessage(issue: Issue, t: TFunction): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === "" || issue.input === null
        ? t("validation:required")
        : undefined;
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1 ? t("validation:required") : t("validation:tooShort", { min: issue.minimum });
      }
      if (issue.origin === "array") return t("validation:tooFewItems", { min: issue.minimum });
      if (issue.origin === "number" || issue.origin === "int") return t("validation:tooSmall", { min: issue.minimum });
      return undefined;
    case "too_big":
      if (issue.origin === "string") return t("validation:tooLong", { max: issue.maximum });
      if (issue.origin === "array") return t("validation:tooManyItems", { max: issue.maximum });
      if (issue.origin === "number" || issue.origin === "int") return t("validation:tooBig", { max: issue.maximum });
      return undefined;
    case "invalid_format":
      if (issue.format === "email") return t("validation:email");
      return undefined;
    case "invalid_value":
      return t("validation:choose");
    default:
      return undefined;
  }
}

// "validation:required", "auth:errors.passwordMismatch": a namespace, a colon and a dotted key, no spaces.
const DICTIONARY_KEY = /^[a-zA-Z]+:[\w.]+$/;

/** Translates a message that names a dictionary key; any other message is already in the user's language. */
export function translateMessage(message: string | undefined, t: TFunction): string | undefined {
  if (!message) return undefined;
  return DICTIONARY_KEY.test(message) ? t(message) : message;
}

/** One message per field path ("lines.0.amount"), the first issue winning, as the form shows them. */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}
