// Parses a submitted form with a feature's zod schema, in the request's language.
import type { TFunction } from "i18next";
import type { z } from "zod";
import { type FormValues, formDataToObject } from "./form-data";
import { type FieldErrors, issuesToFieldErrors, zodErrorMap } from "./validation";

export type ParsedForm<T> =
  | { success: true; data: T; values: FormValues }
  | { success: false; fieldErrors: FieldErrors; values: FormValues };

export function parseFormValues<S extends z.ZodType>(
  schema: S,
  values: FormValues,
  t: TFunction,
  language: string,
): ParsedForm<z.output<S>> {
  const result = schema.safeParse(values, { error: zodErrorMap(t, language) });
  if (result.success) return { success: true, data: result.data, values };
  return { success: false, fieldErrors: issuesToFieldErrors(result.error.issues), values };
}

export function parseFormData<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  t: TFunction,
  language: string,
): ParsedForm<z.output<S>> {
  return parseFormValues(schema, formDataToObject(formData), t, language);
}
