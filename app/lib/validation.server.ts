// Parses a submitted form with a feature's zod schema, in the request's language.
import type { TFunction } from "i18next";
import type { z } from "zod";
import { type FormValues, formDataToObject } from "./form-data";
import { readFormData } from "./http";
import { getTranslator } from "./i18n/i18n.server";
import { type FieldErrors, issuesToFieldErrors, translateMessage, zodErrorMap } from "./validation";

export type ParsedForm<T> =
  { success: true; data: T; values: FormValues } | { success: false; fieldErrors: FieldErrors; values: FormValues };

export function parseFormValues<S extends z.ZodType>(
  schema: S,
  values: FormValues,
  t: TFunction,
  language: string,
): ParsedForm<z.output<S>> {
  const result = schema.safeParse(values, { error: zodErrorMap(t, language) });
  if (result.success) return { success: true, data: result.data, values };
  const fieldErrors = Object.fromEntries(
    Object.entries(issuesToFieldErrors(result.error.issues)).map(([path, message]) => [
      path,
      translateMessage(message, t) ?? message,
    ]),
  );
  return { success: false, fieldErrors, values };
}

export function parseFormData<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  t: TFunction,
  language: string,
): ParsedForm<z.output<S>> {
  return parseFormValues(schema, formDataToObject(formData), t, language);
}

/** Reads the request's form body and parses it in the request's language. */
export async function parseRequestForm<S extends z.ZodType>(request: Request, schema: S) {
  const [{ t, language }, formData] = await Promise.all([getTranslator(request), readFormData(request)]);
  return { ...parseFormData(schema, formData, t, language), t, language, formData };
}
