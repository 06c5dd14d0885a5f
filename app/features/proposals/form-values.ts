// Stored content back into the strings the proposal form holds, with a few blank rows after the filled ones: without
// JavaScript they are the only way to add a row (the server ignores them while blank); with JavaScript they are
// simply ready to type into.
import type { FormValues } from "~/lib/form-data";
import { fenToYuanInput, parseYuan } from "~/lib/money";
import { type BudgetLineAmounts, fundingSources, quantityToInput, parseQuantity } from "./budget";
import { type BudgetLineInput, type IndicatorTargetInput, narrativeOf, type ProposalContent } from "./content";
import type { ProposalFormValues } from "./schemas";

type FormRows<K extends keyof ProposalFormValues> = NonNullable<ProposalFormValues[K]>;
export type BudgetLineFormValues = FormRows<"budgetLines">[number];
export type IndicatorTargetFormValues = FormRows<"indicatorTargets">[number];

export const spareRows = { teamMembers: 2, budgetLines: 3, milestones: 2, indicatorTargets: 2 } as const;

export const emptyTeamMember = (): FormRows<"teamMembers">[number] => ({ name: "", role: "", qualification: "" });

export const emptyBudgetLine = (): BudgetLineFormValues => ({
  category: "",
  item: "",
  unitPrice: "",
  quantity: "",
  unit: "",
  fundingSource: "grant",
  basis: "",
});

export const emptyMilestone = (): FormRows<"milestones">[number] => ({ title: "", dueOn: "", deliverable: "" });

export function emptyIndicatorTarget(targetGroupIds: readonly number[]): IndicatorTargetFormValues {
  return {
    indicator: "",
    customName: "",
    customUnit: "",
    targetValue: "",
    split: targetGroupIds.map((id) => ({ targetGroupId: String(id), value: "" })),
  };
}

const text = (value: number | null) => (value === null ? "" : String(value));

function budgetLineValues(line: BudgetLineInput): BudgetLineFormValues {
  return {
    category: line.category ?? "",
    item: line.item,
    unitPrice: line.unitPriceFen === null ? "" : fenToYuanInput(line.unitPriceFen),
    quantity: line.quantityHundredths === null ? "" : quantityToInput(line.quantityHundredths),
    unit: line.unit,
    fundingSource: line.fundingSource ?? "",
    basis: line.basis,
  };
}

function indicatorTargetValues(
  target: IndicatorTargetInput,
  targetGroupIds: readonly number[],
): IndicatorTargetFormValues {
  return {
    indicator: target.indicator ?? "",
    customName: target.customName,
    customUnit: target.customUnit,
    targetValue: text(target.targetValue),
    // One input per program target group, in the program's order, whichever of them the stored split names.
    split: targetGroupIds.map((id) => ({
      targetGroupId: String(id),
      value: text(target.split.find((part) => part.targetGroupId === id)?.value ?? null),
    })),
  };
}

export function contentToFormValues(content: ProposalContent, targetGroupIds: readonly number[]): ProposalFormValues {
  const rows = <T, V>(items: readonly (T | null)[], toValues: (item: T) => V, empty: () => V, spare: number): V[] => [
    ...items.flatMap((item) => (item === null ? [] : [toValues(item)])),
    ...Array.from({ length: spare }, empty),
  ];
  return {
    title: content.title,
    programCategoryId: text(content.programCategoryId),
    targetGroupIds: content.targetGroupIds.map(String),
    serviceCommunity: content.serviceCommunity,
    startsOn: content.startsOn ?? "",
    endsOn: content.endsOn ?? "",
    expectedBeneficiaries: text(content.expectedBeneficiaries),
    ...narrativeOf(content),
    teamMembers: rows(content.teamMembers, (member) => ({ ...member }), emptyTeamMember, spareRows.teamMembers),
    budgetLines: rows(content.budgetLines, budgetLineValues, emptyBudgetLine, spareRows.budgetLines),
    milestones: rows(
      content.milestones,
      (milestone) => ({ ...milestone, dueOn: milestone.dueOn ?? "" }),
      emptyMilestone,
      spareRows.milestones,
    ),
    indicatorTargets: rows(
      content.indicatorTargets,
      (target) => indicatorTargetValues(target, targetGroupIds),
      () => emptyIndicatorTarget(targetGroupIds),
      spareRows.indicatorTargets,
    ),
  };
}

/** What the live budget panel needs from a row as typed: amounts that do not parse (yet) count as missing. */
export function typedBudgetLine(row: Partial<BudgetLineFormValues> | undefined): BudgetLineAmounts | null {
  if (!row) return null;
  const price = parseYuan(row.unitPrice ?? "");
  const source = fundingSources.find((value) => value === row.fundingSource) ?? null;
  return {
    category: row.category || null,
    unitPriceFen: price.ok ? price.fen : null,
    quantityHundredths: parseQuantity(row.quantity ?? ""),
    fundingSource: source,
  };
}

/**
 * Posted values as the form holds them. One ticked checkbox posts a single string where the form keeps a list, and
 * react-hook-form would read a string as "tick every box" — so the target groups always go back as a list.
 */
export function postedFormValues(values: FormValues): FormValues {
  const groups = values.targetGroupIds;
  return { ...values, targetGroupIds: groups === undefined ? [] : Array.isArray(groups) ? groups : [groups] };
}
