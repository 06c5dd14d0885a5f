// The program form: one zod schema for the browser and the action. It reads the strings a form posts (amounts in
// yuan, shares in percent, Beijing-time windows) into the typed program the data module stores, puts each rule's
// message on the field it is about, and turns a stored program back into form values.
import { z } from "zod";
import type { FormValue, FormValues } from "~/lib/form-data";
import { isCalendarDate, isoToShanghaiLocal, shanghaiLocalToIso } from "~/lib/local-time";
import {
  bpToPercentInput,
  fenToYuanInput,
  optionalPercentShare,
  optionalYuanAmount,
  percentShare,
  yuanAmount,
} from "~/lib/money";
import {
  type ApplicantKind,
  applicantKinds,
  type CostCategory,
  costCategories,
  CUSTOM_TARGET_GROUP,
  defaultProhibitedCategories,
  type FundingSourceKind,
  fundingSourceKinds,
  type Rating,
  ratings,
  type StandardTargetGroup,
  standardTargetGroups,
} from "./catalogues";
import { programStatuses } from "./program-lifecycle";
import {
  customPlan,
  findTranchePlanProblem,
  type FixedTranchePreset,
  MAX_TRANCHES,
  planForPreset,
  type TrancheGate,
  trancheGates,
  type TranchePlan,
  type TranchePlanProblem,
  type TranchePreset,
} from "./tranche-plan";

const TITLE_MAX = 60;
const SUMMARY_MAX = 200;
const DESCRIPTION_MAX = 5000;
export const MAX_CATEGORIES = 20;
export const MAX_CUSTOM_TARGET_GROUPS = 10;
export const MAX_FUNDING_SOURCES = 10;

const requiredText = (max: number) => z.string().trim().min(1).max(max);

// Full-width digits are folded ("１０" → "10") before the number is read, as amounts are.
const digitText = () => z.string().transform((text) => text.normalize("NFKC").trim());

// A minus sign is read too, so "-1" is told what the least allowed value is rather than that it is not a number.
const wholeNumber = (min: number, max: number) =>
  digitText()
    .pipe(
      z
        .string()
        .min(1)
        .regex(/^-?\d+$/, "validation:integer"),
    )
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const optionalWholeNumber = (min: number, max: number) =>
  digitText()
    .pipe(z.string().regex(/^(-?\d+)?$/, "validation:integer"))
    .transform((text) => (text === "" ? null : Number(text)))
    .pipe(z.number().int().min(min).max(max).nullable());

/** A datetime-local value read as Beijing time, stored as a UTC instant. */
const beijingDateTime = () =>
  z
    .string()
    .trim()
    .min(1)
    .transform((value, ctx) => {
      const iso = shanghaiLocalToIso(value);
      if (iso) return iso;
      ctx.addIssue({ code: "custom", message: "validation:dateTime" });
      return z.NEVER;
    });

const calendarDate = () => z.string().trim().min(1).refine(isCalendarDate, "validation:date");

// Checkbox groups post nothing (none ticked), one string or several; react-hook-form holds false or an array.
function checkboxList<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess<
    unknown[],
    z.ZodArray<z.ZodEnum<{ [K in T[number]]: K }>>,
    T[number][] | string | false | undefined
  >((value) => (Array.isArray(value) ? value : typeof value === "string" ? [value] : []), z.array(z.enum(values)));
}

/** The repeating groups of the form and the fields a user types into; a row with all of them blank is a spare. */
export const repeatingGroups = {
  categories: ["name", "quota"],
  customTargetGroups: ["name"],
  fundingSources: ["name", "amount"],
  tranches: ["share"],
} as const satisfies Record<string, readonly string[]>;
type RepeatingGroup = keyof typeof repeatingGroups;

function fieldOf(row: unknown, field: string): unknown {
  return row && typeof row === "object" && field in row ? Reflect.get(row, field) : undefined;
}

function isBlankRow(row: unknown, fields: readonly string[]): boolean {
  return fields.every((field) => {
    const value = fieldOf(row, field);
    return value === undefined || (typeof value === "string" && value.trim() === "");
  });
}

/**
 * A repeating group. Blank spare rows (the form shows a few when JavaScript is off) are skipped without shifting
 * the indexes of the rows around them, so every error still names the input the user sees. `required` puts
 * "required" on the first row's first field when no row is filled in; `unique` refuses a repeated value.
 */
function repeatingRows<Row extends z.ZodType>(
  group: RepeatingGroup,
  row: Row,
  options: { max: number; required?: boolean; unique?: string },
) {
  const fields = repeatingGroups[group];
  // Typed by what the form holds (rows of text); what arrives at run time is checked row by row all the same.
  return z
    .preprocess<unknown[], z.ZodArray<z.ZodOptional<Row>>, z.input<Row>[] | undefined>(
      (value) => (Array.isArray(value) ? value.map((item) => (isBlankRow(item, fields) ? undefined : item)) : []),
      z.array(row.optional()).superRefine((rows, ctx) => {
        const key = options.unique;
        if (!key) return;
        const seen = new Set<string>();
        rows.forEach((item, index) => {
          const value = fieldOf(item, key);
          if (typeof value !== "string") return;
          if (seen.has(value))
            ctx.addIssue({ code: "custom", path: [index, key], message: "programs:errors.duplicateName" });
          seen.add(value);
        });
      }),
    )
    .transform((rows, ctx) => {
      const filled = rows.filter((item): item is NonNullable<typeof item> => item !== undefined);
      if (options.required && filled.length === 0) {
        ctx.addIssue({ code: "custom", path: [0, fields[0]], message: "validation:required" });
      }
      if (filled.length > options.max) {
        ctx.addIssue({ code: "custom", path: [], message: "programs:errors.tooManyRows" });
      }
      return filled;
    });
}

// Focus areas and target groups carry their row id through the form: proposals point at them, so an edit updates
// them in place rather than replacing them. An id the program does not have is treated as a new row.
const rowId = () =>
  z
    .string()
    .optional()
    .transform((value) => (value && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null));

const CategoryRow = z.object({ id: rowId(), name: requiredText(30), quota: optionalWholeNumber(1, 999) });
const CustomTargetGroupRow = z.object({ id: rowId(), name: requiredText(20) });
const FundingSourceRow = z.object({
  name: requiredText(60),
  kind: z.enum(fundingSourceKinds),
  amount: yuanAmount().refine((fen) => fen > 0, "programs:errors.amountPositive"),
});
const TrancheRow = z.object({
  share: percentShare().refine((bp) => bp > 0, "programs:errors.sharePositive"),
  gate: z.enum(trancheGates),
});

const programFields = {
  title: requiredText(TITLE_MAX),
  summary: requiredText(SUMMARY_MAX),
  description: requiredText(DESCRIPTION_MAX),
  categories: repeatingRows("categories", CategoryRow, { max: MAX_CATEGORIES, required: true, unique: "name" }),
  targetGroups: checkboxList(standardTargetGroups),
  customTargetGroups: repeatingRows("customTargetGroups", CustomTargetGroupRow, {
    max: MAX_CUSTOM_TARGET_GROUPS,
    unique: "name",
  }),
  fundingSources: repeatingRows("fundingSources", FundingSourceRow, { max: MAX_FUNDING_SOURCES, required: true }),
  grantMin: yuanAmount(),
  grantMax: yuanAmount().refine((fen) => fen > 0, "programs:errors.amountPositive"),
  filedTeamGrantMax: optionalYuanAmount(),
  maxGrantShare: percentShare().refine((bp) => bp > 0, "programs:errors.sharePositive"),
  personnelCap: optionalPercentShare(),
  managementCap: optionalPercentShare(),
  prohibitedCategories: checkboxList(costCategories),
  proposalsPerOrg: wholeNumber(1, 10),
  eligibleKinds: checkboxList(applicantKinds).refine((kinds) => kinds.length > 0, "programs:errors.chooseAtLeastOne"),
  minRating: z.enum(["", ...ratings]).transform((rating) => (rating === "" ? null : rating)),
  opensAt: beijingDateTime(),
  closesAt: beijingDateTime(),
  implementationStartsOn: calendarDate(),
  implementationEndsOn: calendarDate(),
  noticeWorkingDays: wholeNumber(1, 30),
};

const fixedPresets = ["50-40-10", "60-40"] as const satisfies readonly FixedTranchePreset[];

// The custom tranche rows only count when the custom preset is chosen; with a preset they are ignored (the form
// without JavaScript always shows them).
const ProgramFieldsSchema = z.discriminatedUnion(
  "tranchePreset",
  [
    z.object({
      ...programFields,
      tranchePreset: z.literal("custom"),
      tranches: repeatingRows("tranches", TrancheRow, { max: MAX_TRANCHES, required: true }),
    }),
    z.object({
      ...programFields,
      tranchePreset: z.enum(fixedPresets),
      tranches: z.custom<z.input<typeof TrancheRow>[]>().optional(),
    }),
  ],
  { error: "validation:choose" },
);

type Fields = z.output<typeof ProgramFieldsSchema>;
type FieldName = keyof Fields;

// Rules across fields run as soon as the fields they compare are valid themselves, so every problem in the form
// shows at once and none is reported twice. They never run when the body did not even match the form's shape (no
// object, no preset): then the fields were not parsed at all.
function whenValid(...names: FieldName[]) {
  return {
    when: (payload: z.core.ParsePayload) =>
      !payload.issues.some(
        (issue) =>
          issue.code === "invalid_union" || !issue.path?.length || names.some((name) => name === issue.path?.[0]),
      ),
  };
}

const trancheMessages: Record<TranchePlanProblem, string> = {
  count: "programs:errors.tooManyRows",
  share: "programs:errors.sharePositive",
  sum: "programs:errors.trancheSum",
  order: "programs:errors.trancheOrder",
};

export const ProgramFormSchema = ProgramFieldsSchema.superRefine(
  (data, ctx) => {
    if (data.closesAt <= data.opensAt) {
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "programs:errors.closesBeforeOpens" });
    }
  },
  whenValid("opensAt", "closesAt"),
)
  .superRefine(
    (data, ctx) => {
      if (data.grantMin > data.grantMax) {
        ctx.addIssue({ code: "custom", path: ["grantMin"], message: "programs:errors.grantMinAboveMax" });
      }
    },
    whenValid("grantMin", "grantMax"),
  )
  .superRefine(
    (data, ctx) => {
      if (data.filedTeamGrantMax === null) return;
      if (data.filedTeamGrantMax > data.grantMax) {
        ctx.addIssue({ code: "custom", path: ["filedTeamGrantMax"], message: "programs:errors.filedTeamMaxAboveMax" });
      } else if (data.filedTeamGrantMax < data.grantMin) {
        ctx.addIssue({ code: "custom", path: ["filedTeamGrantMax"], message: "programs:errors.filedTeamMaxBelowMin" });
      }
    },
    whenValid("grantMin", "grantMax", "filedTeamGrantMax"),
  )
  .superRefine(
    (data, ctx) => {
      if (data.grantMax > poolOf(data.fundingSources)) {
        ctx.addIssue({ code: "custom", path: ["grantMax"], message: "programs:errors.grantMaxAbovePool" });
      }
    },
    whenValid("grantMax", "fundingSources"),
  )
  .superRefine(
    (data, ctx) => {
      if (data.implementationEndsOn < data.implementationStartsOn) {
        ctx.addIssue({
          code: "custom",
          path: ["implementationEndsOn"],
          message: "programs:errors.implementationEndsBeforeStart",
        });
      }
    },
    whenValid("implementationStartsOn", "implementationEndsOn"),
  )
  .superRefine(
    (data, ctx) => {
      if (data.targetGroups.length === 0 && data.customTargetGroups.length === 0) {
        ctx.addIssue({ code: "custom", path: ["targetGroups"], message: "programs:errors.targetGroupRequired" });
      }
    },
    whenValid("targetGroups", "customTargetGroups"),
  )
  .superRefine(
    (data, ctx) => {
      if (data.tranchePreset !== "custom") return;
      const problem = findTranchePlanProblem(data.tranches.map((row) => ({ shareBp: row.share, gate: row.gate })));
      if (problem) ctx.addIssue({ code: "custom", path: ["tranches"], message: trancheMessages[problem] });
    },
    whenValid("tranchePreset", "tranches"),
  )
  .transform(toProgramInput);

function poolOf(sources: readonly { amount: number }[]): number {
  return sources.reduce((sum, source) => sum + source.amount, 0);
}

function toProgramInput(data: Fields) {
  const tranchePlan: TranchePlan =
    data.tranchePreset === "custom"
      ? customPlan(data.tranches.map((row) => ({ shareBp: row.share, gate: row.gate })))
      : planForPreset(data.tranchePreset);
  // Standard groups by code (the data module finds their rows by code); a program's own groups under one code
  // with their name and row id.
  const targetGroups: { id: number | null; code: string; name: string | null }[] = [
    ...data.targetGroups.map((code) => ({ id: null, code, name: null })),
    ...data.customTargetGroups.map((row) => ({ id: row.id, code: CUSTOM_TARGET_GROUP, name: row.name })),
  ];
  return {
    title: data.title,
    summary: data.summary,
    description: data.description,
    categories: data.categories.map((row) => ({ id: row.id, name: row.name, quota: row.quota })),
    targetGroups,
    fundingSources: data.fundingSources.map((row) => ({ name: row.name, kind: row.kind, amountFen: row.amount })),
    grantMinFen: data.grantMin,
    grantMaxFen: data.grantMax,
    filedTeamGrantMaxFen: data.filedTeamGrantMax,
    maxGrantShareBp: data.maxGrantShare,
    personnelCapBp: data.personnelCap,
    managementCapBp: data.managementCap,
    prohibitedCategories: unique(data.prohibitedCategories),
    proposalsPerOrg: data.proposalsPerOrg,
    eligibleKinds: unique(data.eligibleKinds),
    minRating: data.minRating,
    opensAt: data.opensAt,
    closesAt: data.closesAt,
    implementationStartsOn: data.implementationStartsOn,
    implementationEndsOn: data.implementationEndsOn,
    noticeWorkingDays: data.noticeWorkingDays,
    tranchePlan,
  };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** A program as the form produces it and the data module stores it. */
export type ProgramInput = z.output<typeof ProgramFormSchema>;
/** The form's values as react-hook-form types them. */
export type ProgramFormInput = z.input<typeof ProgramFormSchema>;

/** What the form holds: every input as the text it shows. */
export interface ProgramFormValues {
  title: string;
  summary: string;
  description: string;
  categories: { id: string; name: string; quota: string }[];
  targetGroups: StandardTargetGroup[];
  customTargetGroups: { id: string; name: string }[];
  fundingSources: { name: string; kind: FundingSourceKind; amount: string }[];
  grantMin: string;
  grantMax: string;
  filedTeamGrantMax: string;
  maxGrantShare: string;
  personnelCap: string;
  managementCap: string;
  prohibitedCategories: CostCategory[];
  proposalsPerOrg: string;
  eligibleKinds: ApplicantKind[];
  minRating: "" | Rating;
  opensAt: string;
  closesAt: string;
  implementationStartsOn: string;
  implementationEndsOn: string;
  noticeWorkingDays: string;
  tranchePreset: TranchePreset;
  tranches: { share: string; gate: TrancheGate }[];
}

export const blankRows = {
  categories: { id: "", name: "", quota: "" },
  customTargetGroups: { id: "", name: "" },
  fundingSources: { name: "", kind: "community_charity_fund", amount: "" },
  tranches: { share: "", gate: "signing" },
} as const satisfies { [G in RepeatingGroup]: ProgramFormValues[G][number] };

/** A new program starts from the common practice in domain-research §1–3: 一老一小一困一残, caps 30%/10%, 5 days. */
export function newProgramFormValues(): ProgramFormValues {
  return {
    title: "",
    summary: "",
    description: "",
    categories: [{ ...blankRows.categories }],
    targetGroups: [...standardTargetGroups],
    customTargetGroups: [{ ...blankRows.customTargetGroups }],
    fundingSources: [{ ...blankRows.fundingSources }],
    grantMin: "",
    grantMax: "",
    filedTeamGrantMax: "",
    maxGrantShare: "100",
    personnelCap: "30",
    managementCap: "10",
    prohibitedCategories: [...defaultProhibitedCategories],
    proposalsPerOrg: "2",
    eligibleKinds: [...applicantKinds],
    minRating: "",
    opensAt: "",
    closesAt: "",
    implementationStartsOn: "",
    implementationEndsOn: "",
    noticeWorkingDays: "5",
    tranchePreset: "50-40-10",
    tranches: [{ ...blankRows.tranches }],
  };
}

/** A stored focus area as its form row shows it. */
function categoryFormRow(row: { id: number | null; name: string; quota: number | null }) {
  return {
    id: row.id === null ? "" : String(row.id),
    name: row.name,
    quota: row.quota === null ? "" : String(row.quota),
  };
}

/** A stored custom target group as its form row shows it. */
function customTargetGroupFormRow(group: { id: number | null; name: string | null }) {
  return { id: group.id === null ? "" : String(group.id), name: group.name ?? "" };
}

/** A stored program back into the text its form shows; parsing the result gives the same program. */
export function programToFormValues(program: ProgramInput): ProgramFormValues {
  const custom = program.targetGroups.filter((group) => group.code === CUSTOM_TARGET_GROUP);
  return {
    title: program.title,
    summary: program.summary,
    description: program.description,
    categories: program.categories.map(categoryFormRow),
    targetGroups: standardTargetGroups.filter((code) => program.targetGroups.some((group) => group.code === code)),
    customTargetGroups: custom.length ? custom.map(customTargetGroupFormRow) : [{ ...blankRows.customTargetGroups }],
    fundingSources: program.fundingSources.map((row) => ({
      name: row.name,
      kind: row.kind,
      amount: fenToYuanInput(row.amountFen),
    })),
    grantMin: fenToYuanInput(program.grantMinFen),
    grantMax: fenToYuanInput(program.grantMaxFen),
    filedTeamGrantMax: program.filedTeamGrantMaxFen === null ? "" : fenToYuanInput(program.filedTeamGrantMaxFen),
    maxGrantShare: bpToPercentInput(program.maxGrantShareBp),
    personnelCap: program.personnelCapBp === null ? "" : bpToPercentInput(program.personnelCapBp),
    managementCap: program.managementCapBp === null ? "" : bpToPercentInput(program.managementCapBp),
    prohibitedCategories: [...program.prohibitedCategories],
    proposalsPerOrg: String(program.proposalsPerOrg),
    eligibleKinds: [...program.eligibleKinds],
    minRating: program.minRating ?? "",
    opensAt: isoToShanghaiLocal(program.opensAt),
    closesAt: isoToShanghaiLocal(program.closesAt),
    implementationStartsOn: program.implementationStartsOn,
    implementationEndsOn: program.implementationEndsOn,
    noticeWorkingDays: String(program.noticeWorkingDays),
    tranchePreset: program.tranchePlan.preset,
    tranches:
      program.tranchePlan.preset === "custom"
        ? program.tranchePlan.tranches.map((tranche) => ({
            share: bpToPercentInput(tranche.shareBp),
            gate: tranche.gate,
          }))
        : [{ ...blankRows.tranches }],
  };
}

/**
 * Posted values to show again after a refused submit: blank rows at the end of each group are dropped (one row
 * stays), so spare rows do not pile up with each round trip. Rows before them keep their indexes and errors.
 */
export function withoutTrailingSpareRows(values: FormValues): FormValues {
  const result: FormValues = { ...values };
  for (const [group, fields] of Object.entries(repeatingGroups)) {
    const rows = values[group];
    if (!Array.isArray(rows)) continue;
    let end = rows.length;
    while (end > 1 && isBlankRow(rows[end - 1], fields)) end -= 1;
    result[group] = rows.slice(0, end);
  }
  return result;
}

/** The focus areas and target groups an edit removed though proposals use them, as they were stored. */
export interface RowsInUse {
  categories: { id: number; name: string; quota: number | null }[];
  targetGroups: { id: number; code: string; name: string | null }[];
}

/**
 * The form as posted, with the focus areas and target groups proposals use put back where the manager removed them,
 * so saving again keeps them.
 */
export function withRowsRestored(values: FormValues, inUse: RowsInUse): FormValues {
  // A checkbox list with one box ticked posts a single string.
  const rows = (group: string): FormValue[] => {
    const posted = values[group];
    return Array.isArray(posted) ? posted : posted === undefined ? [] : [posted];
  };
  const custom = inUse.targetGroups.filter((group) => group.code === CUSTOM_TARGET_GROUP);
  const standard = inUse.targetGroups.filter((group) => group.code !== CUSTOM_TARGET_GROUP).map((group) => group.code);
  return {
    ...values,
    categories: [...rows("categories"), ...inUse.categories.map(categoryFormRow)],
    targetGroups: [...rows("targetGroups"), ...standard],
    customTargetGroups: [...rows("customTargetGroups"), ...custom.map(customTargetGroupFormRow)],
  };
}

/** The manage page's forms, told apart by intent; today only the status buttons. */
export const ProgramManageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("transition"), to: z.enum(programStatuses) }),
]);
