// The funder forms (create/edit by an admin) and the manager-invitation forms shared by the admin page and the
// funder staff page. Messages are dictionary keys; zod's own checks get localized messages at parse time.
import { z } from "zod";
import { normalizeMobile } from "~/features/organizations/phone";
import type { FormValues } from "~/lib/form-data";
import type { FieldErrors } from "~/lib/validation";

/** 街道办事处, 民政局, 慈善会/慈善总会, 基金会: the organisations that run 微公益创投 programs. */
export const funderKinds = ["street_office", "civil_affairs", "charity_federation", "foundation"] as const;
export type FunderKind = (typeof funderKinds)[number];

export function isFunderKind(value: string): value is FunderKind {
  return (funderKinds as readonly string[]).includes(value);
}

/** A blank optional text field is stored as null, not as an empty string. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : null));

const MobileSchema = z
  .string()
  .trim()
  .min(1)
  .transform((value, ctx) => {
    const mobile = normalizeMobile(value);
    if (mobile === null) {
      ctx.addIssue({ code: "custom", message: "validation:mobile" });
      return z.NEVER;
    }
    return mobile;
  });

export const FunderSchema = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(funderKinds),
  province: z.string().trim().min(1).max(30),
  city: z.string().trim().min(1).max(30),
  // A city-level civil-affairs bureau or charity federation has no district or street.
  district: optionalText(30),
  street: optionalText(30),
  contactName: z.string().trim().min(1).max(50),
  contactPhone: MobileSchema,
});
export type FunderInput = z.output<typeof FunderSchema>;

export const InviteManagerSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254).pipe(z.email()),
});

const IdSchema = z.coerce.number().int().positive();

export const RevokeInvitationSchema = z.object({ invitationId: IdSchema });

export const RemoveManagerSchema = z.object({ userId: IdSchema });

/** What the funder staff page accepts: managers invite other managers of their own funder. */
export const FunderStaffActionSchema = z.discriminatedUnion("intent", [
  InviteManagerSchema.extend({ intent: z.literal("invite") }),
  RevokeInvitationSchema.extend({ intent: z.literal("revokeInvitation") }),
]);

/** What the admin funder page accepts: the staff intents plus editing the funder and removing a manager. */
export const AdminFunderActionSchema = z.discriminatedUnion("intent", [
  FunderSchema.extend({ intent: z.literal("update") }),
  RemoveManagerSchema.extend({ intent: z.literal("removeManager") }),
  ...FunderStaffActionSchema.options,
]);

/** What a funder page's action answers when a form fails: which form it was, its errors and the typed values. */
export interface StaffActionFailure {
  intent: string;
  fieldErrors?: FieldErrors;
  formError?: string;
  values?: FormValues;
}
