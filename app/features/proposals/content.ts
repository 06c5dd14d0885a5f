// The content of a proposal as the rules and the data module see it, after the form has been parsed. Repeated rows
// keep the positions they had in the form: a row left blank is null, so an error about row 3 names row 3 of what
// the user sees, and blank rows are dropped only when the draft is stored.
import type { CostCategory } from "~/features/programs/catalogues";
import type { FundingSource } from "./budget";
import type { IndicatorChoice } from "./indicators";

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

export interface ProposalContent {
  title: string;
  programCategoryId: number | null;
  targetGroupIds: number[];
  serviceCommunity: string;
  startsOn: string | null;
  endsOn: string | null;
  expectedBeneficiaries: number | null;
  summary: string;
  needs: string;
  goals: string;
  activityPlan: string;
  innovation: string;
  sustainability: string;
  risks: string;
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

export function presentRows<T>(rows: readonly (T | null)[]): T[] {
  return rows.filter((row): row is T => row !== null);
}
