// The proposal form, shared by the browser and the server. ProposalDraftSchema accepts an incomplete form (a draft is
// saved whatever is missing) but refuses malformed values (an amount, a date or a count that cannot be stored);
// ProposalSubmitSchema adds the completeness checks of the submission rules. Program-specific rules (caps, window,
// limits) run on the server in submission-rules.ts. Field names are those react-hook-form registers
// ("budgetLines.0.unitPrice"); a repeated row left entirely blank parses to null and is never stored.
import { z } from "zod";
import { costCategories } from "~/features/programs/catalogues";
import { isCalendarDate } from "~/lib/local-time";
import { MAX_AMOUNT_FEN, optionalYuanAmount } from "~/lib/money";
import { fundingSources, lineAmountFen, parseQuantity, QUANTITY_SCALE } from "./budget";
import type {
  BudgetLineInput,
  IndicatorTargetInput,
  MilestoneInput,
  ProposalContent,
  TeamMemberInput,
} from "./content";
import { SUMMARY_MAX_LENGTH } from "./content";
import { indicatorChoices } from "./indicators";
import { ruleMessageKey } from "./rule-messages";
import { requiredFieldErrors } from "./submission-rules";

const MAX_COUNT = 10_000_000;
const MAX_QUANTITY = 1_000_000;

const text = (max: number) => z.string().trim().max(max).default("");

const optionalDate = z
  .string()
  .trim()
  .default("")
  .refine((value) => value === "" || isCalendarDate(value), "validation:date")
  .transform((value) => (value === "" ? null : value));

/** A whole number as typed ("1,200", "１２００"); blank is null. */
const optionalCount = z
  .string()
  .default("")
  .transform((value, ctx): number | null => {
    const normalized = value.normalize("NFKC").replace(/[\s,]/g, "");
    if (normalized === "") return null;
    if (!/^\d+$/.test(normalized)) {
      ctx.addIssue({ code: "custom", message: "validation:integer" });
      return z.NEVER;
    }
    return Number(normalized.slice(0, 12));
  })
  .pipe(z.number().int().min(0).max(MAX_COUNT).nullable());

const optionalQuantity = z
  .string()
  .default("")
  .transform((value, ctx): number | null => {
    if (value.trim() === "") return null;
    const hundredths = parseQuantity(value);
    if (hundredths === null) {
      ctx.addIssue({ code: "custom", message: "proposals:errors.quantity" });
      return z.NEVER;
    }
    if (hundredths > MAX_QUANTITY * QUANTITY_SCALE) {
      ctx.addIssue({ code: "custom", message: "proposals:errors.quantityTooLarge" });
      return z.NEVER;
    }
    return hundredths;
  });

/** A select with a placeholder: "" is "not chosen yet". */
function optionalChoice<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .union([z.literal(""), z.enum(values)])
    .default("")
    .transform((value): T[number] | null => (value === "" ? null : value));
}

const optionalId = z
  .string()
  .default("")
  .transform((value, ctx): number | null => {
    if (value === "") return null;
    if (!/^\d{1,9}$/.test(value)) {
      ctx.addIssue({ code: "custom", message: "validation:choose" });
      return z.NEVER;
    }
    return Number(value);
  });

/** Checkboxes post one value each, or nothing; react-hook-form gives a string, an array or false. */
const idList = z
  .union([z.string(), z.array(z.string()), z.boolean()])
  .default([])
  .transform((value, ctx): number[] => {
    const items = typeof value === "boolean" ? [] : Array.isArray(value) ? value : [value];
    if (items.some((item) => !/^\d{1,9}$/.test(item))) {
      ctx.addIssue({ code: "custom", message: "validation:choose" });
      return z.NEVER;
    }
    return [...new Set(items.map(Number))];
  });

const isBlank = (values: readonly unknown[]) =>
  values.every((value) => value === null || value === "" || value === undefined);

const TeamMemberRow = z
  .object({ name: text(50), role: text(50), qualification: text(100) })
  .transform((row): TeamMemberInput | null => (isBlank(Object.values(row)) ? null : row));

const BudgetLineRow = z
  .object({
    category: optionalChoice(costCategories),
    item: text(100),
    unitPrice: z.string().default("").pipe(optionalYuanAmount()),
    quantity: optionalQuantity,
    unit: text(20),
    // Not part of the blank-row test: the select starts on "grant" in a spare row.
    fundingSource: optionalChoice(fundingSources),
    basis: text(200),
  })
  .superRefine((row, ctx) => {
    if (lineAmountFen(row.unitPrice, row.quantity) > MAX_AMOUNT_FEN) {
      ctx.addIssue({ code: "custom", path: ["quantity"], message: "proposals:errors.amountTooLarge" });
    }
  })
  .transform((row): BudgetLineInput | null => {
    const { unitPrice, quantity, fundingSource, ...rest } = row;
    if (isBlank([...Object.values(rest), unitPrice, quantity])) return null;
    return { ...rest, unitPriceFen: unitPrice, quantityHundredths: quantity, fundingSource };
  });

const MilestoneRow = z
  .object({ title: text(100), dueOn: optionalDate, deliverable: text(200) })
  .transform((row): MilestoneInput | null => (isBlank(Object.values(row)) ? null : row));

const SplitPart = z.object({ targetGroupId: optionalId, value: optionalCount });

const IndicatorTargetRow = z
  .object({
    indicator: optionalChoice(indicatorChoices),
    customName: text(50),
    customUnit: text(20),
    targetValue: optionalCount,
    split: z.array(SplitPart).max(20).default([]),
  })
  .transform((row): IndicatorTargetInput | null => {
    // The split's group ids are hidden inputs posted with every row; only typed values make a row non-blank.
    const split = row.split.flatMap((part) =>
      part.targetGroupId !== null && part.value !== null
        ? [{ targetGroupId: part.targetGroupId, value: part.value }]
        : [],
    );
    const typed = [row.indicator, row.customName, row.customUnit, row.targetValue, ...split.map((part) => part.value)];
    return isBlank(typed) ? null : { ...row, split };
  });

const contentShape = {
  title: text(100),
  programCategoryId: optionalId,
  targetGroupIds: idList,
  serviceCommunity: text(100),
  startsOn: optionalDate,
  endsOn: optionalDate,
  expectedBeneficiaries: optionalCount,
  summary: text(SUMMARY_MAX_LENGTH),
  needs: text(5000),
  goals: text(5000),
  activityPlan: text(10000),
  innovation: text(5000),
  sustainability: text(5000),
  risks: text(5000),
  teamMembers: z.array(TeamMemberRow).max(50).default([]),
  budgetLines: z.array(BudgetLineRow).max(100).default([]),
  milestones: z.array(MilestoneRow).max(50).default([]),
  indicatorTargets: z.array(IndicatorTargetRow).max(30).default([]),
};

export const ProposalDraftSchema = z.object(contentShape) satisfies z.ZodType<ProposalContent>;

export const ProposalSubmitSchema = ProposalDraftSchema.superRefine((content, ctx) => {
  for (const error of requiredFieldErrors(content)) {
    ctx.addIssue({ code: "custom", path: error.path.split("."), message: ruleMessageKey(error.code) });
  }
});

/** What the proposal form posts, as strings (the shape react-hook-form holds). */
export type ProposalFormValues = z.input<typeof ProposalDraftSchema>;

/** The buttons of the edit form: every one of them saves the draft first, so nothing typed is lost. */
export const editIntents = ["save", "autosave", "check"] as const;
export type EditIntent = (typeof editIntents)[number];

export const EditIntentSchema = z.object({
  intent: z.enum(editIntents).default("save"),
  // A "remove" button next to an attachment posts its id under this name (and saves the draft like "save").
  removeAttachment: z.coerce.number().int().positive().optional(),
  // The stash a restored form came from, deleted once the form is saved: an HMAC in base64url.
  stashId: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .optional(),
});

export const ApplySchema = z.object({ organizationId: z.coerce.number().int().positive() });

export const WithdrawSchema = z.object({ intent: z.literal("withdraw") });
