// The forms of applicant organisations, shared by the browser and the server. A registered social organisation and
// a street-filed community team are two branches of one union on `kind`: the server parses only the chosen
// branch, so the other kind's fields (all posted when JavaScript is off) are ignored.
import { z } from "zod";
import { ratings } from "~/features/programs/catalogues";
import { todayInChina } from "~/lib/time";
import { normalizeMobile } from "./phone";
import { ratingExpiryProblem } from "./rating";
import { parseUscc, type UsccProblem } from "./uscc";

export const organizationKinds = ["registered", "filed_team"] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const memberRoles = ["owner", "member"] as const;
export type MemberRole = (typeof memberRoles)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).default("");

const usccMessages: Record<UsccProblem, string> = {
  length: "organizations:errors.uscc.length",
  character: "organizations:errors.uscc.character",
  region: "organizations:errors.uscc.region",
  category: "organizations:errors.uscc.category",
  checksum: "organizations:errors.uscc.checksum",
};

/** The code as typed; the output is the checked code with what it says about the organisation. */
const usccField = z
  .string()
  .trim()
  .min(1)
  .transform((value, ctx) => {
    const result = parseUscc(value);
    if (result.ok) return result;
    ctx.addIssue({ code: "custom", message: usccMessages[result.problem] });
    return z.NEVER;
  });

const mobileField = z
  .string()
  .trim()
  .min(1)
  .transform((value, ctx) => {
    const mobile = normalizeMobile(value);
    if (mobile) return mobile;
    ctx.addIssue({ code: "custom", message: "validation:mobile" });
    return z.NEVER;
  });

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** A date that has already happened (registration, filing), in China's calendar. */
const pastDate = z
  .string()
  .trim()
  .min(1)
  .refine(isCalendarDate, "validation:date")
  .refine((value) => value <= todayInChina(), "organizations:errors.dateInFuture");

const bankAccountNumber = z
  .string()
  .default("")
  .transform((value) => value.normalize("NFKC").replace(/[\s\p{Pd}]/gu, ""))
  .refine((value) => value === "" || /^\d{8,30}$/.test(value), "organizations:errors.bankAccountNumber");

// In the order the form shows them, so the first error reported is the first one on the page.
const commonFields = {
  name: text(100),
  introduction: text(200),
  serviceExperience: text(200),
  district: text(50),
  street: text(50),
  community: text(50),
  contactName: text(50),
  contactPhone: mobileField,
  address: text(200),
  bankAccountName: optionalText(100),
  bankAccountNumber,
  bankName: optionalText(100),
};

type Refinement = Parameters<z.ZodObject["superRefine"]>[0];
type RefinementContext = Parameters<Refinement>[1];

// Cross-field rules run even when another field failed, so one submit shows every problem at once.
const evenWithOtherErrors = {
  when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null,
};

/** A bank account is optional, but half of one is useless to a funder paying a grant. */
function requireWholeBankAccount(
  value: { bankAccountName: string; bankAccountNumber: string; bankName: string },
  ctx: RefinementContext,
) {
  const parts = ["bankAccountName", "bankAccountNumber", "bankName"] as const;
  if (parts.every((part) => value[part] === "")) return;
  for (const part of parts) {
    if (value[part] === "")
      ctx.addIssue({ code: "custom", path: [part], message: "organizations:errors.bankIncomplete" });
  }
}

const ratingExpiryMessages = {
  expired: "organizations:errors.ratingExpired",
  beyondValidity: "organizations:errors.ratingBeyondValidity",
} as const;

const RegisteredSchema = z
  .object({
    kind: z.literal("registered"),
    uscc: usccField,
    registeredOn: pastDate,
    rating: z.union([z.literal(""), z.enum(ratings)]).default(""),
    ratingExpiresOn: z.string().trim().default(""),
    ...commonFields,
  })
  .superRefine((value, ctx) => {
    requireWholeBankAccount(value, ctx);
    if (value.rating === "") return;
    if (value.ratingExpiresOn === "") {
      ctx.addIssue({ code: "custom", path: ["ratingExpiresOn"], message: "organizations:errors.ratingExpiryRequired" });
    } else if (!isCalendarDate(value.ratingExpiresOn)) {
      ctx.addIssue({ code: "custom", path: ["ratingExpiresOn"], message: "validation:date" });
    } else {
      const problem = ratingExpiryProblem(value.ratingExpiresOn, todayInChina());
      if (problem) ctx.addIssue({ code: "custom", path: ["ratingExpiresOn"], message: ratingExpiryMessages[problem] });
    }
  }, evenWithOtherErrors);

const FiledTeamSchema = z
  .object({
    kind: z.literal("filed_team"),
    sponsorCommunity: text(100),
    filingNumber: text(50),
    responsiblePerson: text(50),
    // The filing date is optional (some streets keep only a number in their register). It is stored where a
    // registered organisation keeps its registration date, but has its own field so both can show without JS.
    filedOn: z.union([z.literal(""), pastDate]).default(""),
    ...commonFields,
  })
  .superRefine(requireWholeBankAccount, evenWithOtherErrors);

export const OrganizationSchema = z.discriminatedUnion("kind", [RegisteredSchema, FiledTeamSchema]);
export type OrganizationInput = z.output<typeof OrganizationSchema>;
export type OrganizationFormValues = z.input<typeof OrganizationSchema>;

export const InviteMemberSchema = z.object({
  intent: z.literal("invite"),
  email: z.string().trim().toLowerCase().min(1).max(254).pipe(z.email()),
});

/** The forms of the members page, told apart by their intent. */
export const MembersActionSchema = z.discriminatedUnion("intent", [
  InviteMemberSchema,
  z.object({ intent: z.literal("revoke"), invitationId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("remove"), userId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("changeRole"), userId: z.coerce.number().int().positive(), role: z.enum(memberRoles) }),
]);
export type MembersAction = z.output<typeof MembersActionSchema>;
