// A frozen version read back for display: the manager's proposal page shows the version the applicant submitted
// (never the applicant's unsubmitted edits of a returned proposal) through the same ProposalDetails the applicant
// sees, so the snapshot is put back into the shapes that component takes.
import { budgetTotals } from "./budget";
import { narrativeOf, type ProposalContent } from "./content";
import type { ProposalDetailsProps } from "./proposal-details";
import type { ProposalSnapshot } from "./snapshot";

export function snapshotContent(snapshot: ProposalSnapshot): ProposalContent {
  return {
    title: snapshot.title,
    programCategoryId: snapshot.focusArea?.id ?? null,
    targetGroupIds: snapshot.targetGroups.map((group) => group.id),
    serviceCommunity: snapshot.serviceCommunity,
    startsOn: snapshot.startsOn,
    endsOn: snapshot.endsOn,
    expectedBeneficiaries: snapshot.expectedBeneficiaries,
    ...narrativeOf(snapshot),
    teamMembers: snapshot.teamMembers,
    budgetLines: snapshot.budgetLines,
    milestones: snapshot.milestones,
    indicatorTargets: snapshot.indicatorTargets,
  };
}

export function snapshotDetails(snapshot: ProposalSnapshot, proposalId: number): ProposalDetailsProps {
  return {
    proposalId,
    content: snapshotContent(snapshot),
    totals: budgetTotals(snapshot.budgetLines),
    categories: snapshot.focusArea ? [snapshot.focusArea] : [],
    targetGroups: snapshot.targetGroups,
    attachments: snapshot.attachments,
  };
}
