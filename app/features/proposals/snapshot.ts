// The frozen copy of a proposal written at each (re)submission (proposal_version.snapshot). It carries everything a
// reader of that version needs, with names resolved, so it stays readable even if the program's focus areas or the
// organisation's name change later. The manager's "what changed between versions" compares two of these.
import { budgetTotals, type BudgetTotals, lineAmountFen } from "./budget";
import type {
  BudgetLineInput,
  IndicatorTargetInput,
  MilestoneInput,
  Narrative,
  ProposalContent,
  TeamMemberInput,
} from "./content";
import { narrativeOf, presentRows } from "./content";

export const SNAPSHOT_FORMAT = 1;

export interface ProposalSnapshot extends Narrative {
  format: typeof SNAPSHOT_FORMAT;
  number: string;
  version: number;
  reason: VersionReason;
  submittedAt: string;
  program: { id: number; code: string; title: string };
  organization: { id: number; name: string; kind: string };
  title: string;
  focusArea: { id: number; name: string } | null;
  targetGroups: { id: number; code: string; name: string | null }[];
  serviceCommunity: string;
  startsOn: string | null;
  endsOn: string | null;
  expectedBeneficiaries: number | null;
  teamMembers: TeamMemberInput[];
  budgetLines: (BudgetLineInput & { amountFen: number })[];
  totals: Omit<BudgetTotals, "grantByCategory">;
  milestones: MilestoneInput[];
  indicatorTargets: IndicatorTargetInput[];
  attachments: { id: number; originalName: string; mimeType: string; sizeBytes: number; sha256: string }[];
}

export type VersionReason = "submitted" | "resubmitted";

export interface SnapshotSources {
  number: string;
  version: number;
  submittedAt: string;
  program: ProposalSnapshot["program"];
  organization: ProposalSnapshot["organization"];
  categories: readonly { id: number; name: string }[];
  targetGroups: readonly { id: number; code: string; name: string | null }[];
  content: ProposalContent;
  attachments: ProposalSnapshot["attachments"];
}

export function buildSnapshot(sources: SnapshotSources): ProposalSnapshot {
  const { content } = sources;
  const lines = presentRows(content.budgetLines);
  const { grantByCategory: _perCategoryGrant, ...totals } = budgetTotals(lines);
  return {
    format: SNAPSHOT_FORMAT,
    number: sources.number,
    version: sources.version,
    reason: sources.version === 1 ? "submitted" : "resubmitted",
    submittedAt: sources.submittedAt,
    program: sources.program,
    organization: sources.organization,
    title: content.title,
    focusArea: sources.categories.find((category) => category.id === content.programCategoryId) ?? null,
    targetGroups: sources.targetGroups.filter((group) => content.targetGroupIds.includes(group.id)),
    serviceCommunity: content.serviceCommunity,
    startsOn: content.startsOn,
    endsOn: content.endsOn,
    expectedBeneficiaries: content.expectedBeneficiaries,
    ...narrativeOf(content),
    teamMembers: presentRows(content.teamMembers),
    budgetLines: lines.map((line) => ({
      ...line,
      amountFen: lineAmountFen(line.unitPriceFen, line.quantityHundredths),
    })),
    totals,
    milestones: presentRows(content.milestones),
    indicatorTargets: presentRows(content.indicatorTargets),
    attachments: sources.attachments,
  };
}
