// The account forms, shared by the browser (react-hook-form) and the actions. Messages are dictionary keys.
import { z } from "zod";
import { normalizeMobile } from "~/features/organizations/phone";
import type { FormValues } from "~/lib/form-data";

export const PASSWORD_MIN_LENGTH = 10;
// scrypt hashes any length, but an unbounded field lets one request burn CPU for nothing.
const PASSWORD_MAX_LENGTH = 128;

const EmailSchema = z.string().trim().toLowerCase().min(1).max(254).email();

const NameSchema = z.string().trim().min(1).max(50);

const NewPasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

/** An optional mainland mobile number, typed any common way; empty becomes null. */
export const OptionalMobileSchema = z
  .string()
  .optional()
  .refine((value) => !value?.trim() || normalizeMobile(value) !== null, { message: "validation:mobile" })
  .transform((value) => (value?.trim() ? normalizeMobile(value) : null));

const RedirectToSchema = z.string().optional();

function confirmMatches<T extends Record<string, unknown>>(passwordField: keyof T & string) {
  return (value: T, ctx: z.core.$RefinementCtx<T>) => {
    if (value[passwordField] !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "auth:errors.passwordMismatch" });
    }
  };
}

export const SignUpSchema = z
  .object({
    name: NameSchema,
    email: EmailSchema,
    phone: OptionalMobileSchema,
    password: NewPasswordSchema,
    confirmPassword: z.string().min(1),
    redirectTo: RedirectToSchema,
  })
  .superRefine(confirmMatches("password"));

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  redirectTo: RedirectToSchema,
});

export const ForgotPasswordSchema = z.object({ email: EmailSchema });

export const ResetPasswordSchema = z
  .object({ password: NewPasswordSchema, confirmPassword: z.string().min(1) })
  .superRefine(confirmMatches("password"));

export const ProfileSchema = z.object({
  intent: z.literal("profile"),
  name: NameSchema,
  phone: OptionalMobileSchema,
});

export const ChangePasswordSchema = z
  .object({
    intent: z.literal("password"),
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string().min(1),
  })
  .superRefine(confirmMatches("newPassword"));

export const SignOutEverywhereSchema = z.object({ intent: z.literal("signOutEverywhere") });

export const AccountActionSchema = z.discriminatedUnion("intent", [
  ProfileSchema,
  ChangePasswordSchema,
  SignOutEverywhereSchema,
]);

const SECRET_FIELDS = new Set(["password", "confirmPassword", "currentPassword", "newPassword"]);

/** The submitted values to send back with errors: everything the user typed except passwords. */
export function withoutSecrets(values: FormValues): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !SECRET_FIELDS.has(name)));
}
