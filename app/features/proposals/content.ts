// The content of a proposal as the rules and the data module see it, after the form has been parsed. Repeated rows
// keep the positions they had in the form: a row left blank is null, so an error about row 3 names row 3 of what
// the user sees, and blank rows are dropped only when the draft is stored.
import { type CostCategory, costCategories } from "~/features/programs/catalogues";
import { type FundingSource, fundingSources } from "./budget";
import { CUSTOM_INDICATOR, type IndicatorChoice, indicatorCodes } from "./indicators";

export interface TeamMemberInput {
  name: string;
  role: string;
  qualification: string;
}

export interface BudgetLineInput {
  category: CostCategory | null;
  item: string;
  unitPriceFen: number | null;
  quantityHundredths: number | null;
  unit: string;
  fundingSource: FundingSource | null;
  basis: string;
}

export interface MilestoneInput {
  title: string;
  dueOn: string | null;
  deliverable: string;
}

export interface TargetGroupSplit {
  targetGroupId: number;
  value: number;
}

export interface IndicatorTargetInput {
  indicator: IndicatorChoice | null;
  customName: string;
  customUnit: string;
  targetValue: number | null;
  split: TargetGroupSplit[];
}

/** The proposal's narrative sections, in the order the form and the proposal page show them. */
export const narrativeFields = [
  "summary",
  "needs",
  "goals",
  "activityPlan",
  "innovation",
  "sustainability",
  "risks",
] as const;
export type NarrativeField = (typeof narrativeFields)[number];
export type Narrative = Record<NarrativeField, string>;

/** The narrative sections of whatever carries them (content, a stored row, a snapshot), and nothing else. */
export function narrativeOf(source: Narrative): Narrative {
  return Object.fromEntries(narrativeFields.map((field) => [field, source[field]])) as Narrative;
}

export interface ProposalContent extends Narrative {
  title: string;
  programCategoryId: number | null;
  targetGroupIds: number[];
  serviceCommunity: string;
  startsOn: string | null;
  endsOn: string | null;
  expectedBeneficiaries: number | null;
  teamMembers: (TeamMemberInput | null)[];
  budgetLines: (BudgetLineInput | null)[];
  milestones: (MilestoneInput | null)[];
  indicatorTargets: (IndicatorTargetInput | null)[];
}

/** The form's names for the fields of a budget line whose stored names differ (amounts are parsed to fen). */
export const budgetLineFieldNames = {
  unitPriceFen: "unitPrice",
  quantityHundredths: "quantity",
} as const;

export const SUMMARY_MAX_LENGTH = 300;

/** A proposal's number: the program's code and the order of first submission, "WGY2026-001-007". */
export function proposalNumber(programCode: string, sequence: number): string {
  return `${programCode}-${String(sequence).padStart(3, "0")}`;
}

export function presentRows<T>(rows: readonly (T | null)[]): T[] {
  return rows.filter((row): row is T => row !== null);
}

// ---- content as stored, and back ----

export interface StoredProposalRows {
  proposal: Narrative & {
    title: string;
    programCategoryId: number | null;
    serviceCommunity: string;
    startsOn: string | null;
    endsOn: string | null;
    expectedBeneficiaries: number | null;
  };
  targetGroupIds: number[];
  teamMembers: TeamMemberInput[];
  budgetLines: {
    category: string | null;
    item: string;
    unitPriceFen: number | null;
    quantityHundredths: number | null;
    unit: string;
    fundingSource: string | null;
    basis: string;
  }[];
  milestones: MilestoneInput[];
  indicatorTargets: {
    indicatorCode: string | null;
    customName: string | null;
    customUnit: string | null;
    targetValue: number | null;
    targetGroupSplit: string | null;
  }[];
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && isOneOf(values, value) ? value : null;
}

function parseSplit(json: string | null): TargetGroupSplit[] {
  if (!json) return [];
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((part: unknown) => {
    if (!part || typeof part !== "object") return [];
    const { targetGroupId, value } = part as Record<string, unknown>;
    return typeof targetGroupId === "number" && typeof value === "number" ? [{ targetGroupId, value }] : [];
  });
}

/**
 * Content as it is stored: blank rows dropped, and a catalogue indicator's target without the custom name and unit
 * typed next to it. storedToContent reads it back.
 */
export function contentToStored(content: ProposalContent): StoredProposalRows {
  return {
    proposal: {
      title: content.title,
      programCategoryId: content.programCategoryId,
      serviceCommunity: content.serviceCommunity,
      startsOn: content.startsOn,
      endsOn: content.endsOn,
      expectedBeneficiaries: content.expectedBeneficiaries,
      ...narrativeOf(content),
    },
    targetGroupIds: content.targetGroupIds,
    teamMembers: presentRows(content.teamMembers),
    budgetLines: presentRows(content.budgetLines),
    milestones: presentRows(content.milestones),
    indicatorTargets: presentRows(content.indicatorTargets).map((target) => {
      const custom = target.indicator === CUSTOM_INDICATOR;
      return {
        indicatorCode: custom ? null : target.indicator,
        // A custom row keeps even an empty name: it is what marks the row as custom.
        customName: custom ? target.customName : null,
        customUnit: custom ? target.customUnit : null,
        targetValue: target.targetValue,
        targetGroupSplit: target.split.length > 0 ? JSON.stringify(target.split) : null,
      };
    }),
  };
}

/** The stored draft as content for the rules and the form. Stored rows are never blank, so none is null. */
export function storedToContent(stored: StoredProposalRows): ProposalContent {
  const { proposal } = stored;
  return {
    title: proposal.title,
    programCategoryId: proposal.programCategoryId,
    targetGroupIds: stored.targetGroupIds,
    serviceCommunity: proposal.serviceCommunity,
    startsOn: proposal.startsOn,
    endsOn: proposal.endsOn,
    expectedBeneficiaries: proposal.expectedBeneficiaries,
    ...narrativeOf(proposal),
    teamMembers: stored.teamMembers,
    budgetLines: stored.budgetLines.map((line) => ({
      ...line,
      category: oneOf(costCategories, line.category),
      fundingSource: oneOf(fundingSources, line.fundingSource),
    })),
    milestones: stored.milestones,
    indicatorTargets: stored.indicatorTargets.map((target) => {
      const indicator =
        target.indicatorCode === null
          ? target.customName === null
            ? null
            : CUSTOM_INDICATOR
          : oneOf(indicatorCodes, target.indicatorCode);
      return {
        indicator,
        customName: target.customName ?? "",
        customUnit: target.customUnit ?? "",
        targetValue: target.targetValue,
        split: parseSplit(target.targetGroupSplit),
      };
    }),
  };
}
