// Who may do what with a proposal. The organisation's members own it; the program's funder staff see it once it has
// been handed in (a draft is the applicant's unfinished work); the platform admin sees everything for support.
import { roleIn } from "~/features/organizations/permissions";
import type { Actor } from "~/lib/actor.server";
import { canTransition, isEditableStatus } from "./proposal-lifecycle";

type ActorRelations = Pick<Actor, "userId" | "isPlatformAdmin" | "funderIds" | "organizations">;

export interface ProposalAccess {
  organizationId: number;
  /** The funder running the proposal's program. */
  funderId: number;
  status: string;
}

export function isMemberOf(actor: ActorRelations, organizationId: number): boolean {
  return roleIn(actor, organizationId) !== null;
}

export function canViewProposal(actor: ActorRelations, proposal: ProposalAccess): boolean {
  if (isMemberOf(actor, proposal.organizationId) || actor.isPlatformAdmin) return true;
  return actor.funderIds.includes(proposal.funderId) && proposal.status !== "draft";
}

/** Attachments are shown to exactly those who may see the proposal. */
export const canDownloadAttachment = canViewProposal;

export function canEditProposal(actor: ActorRelations, proposal: ProposalAccess): boolean {
  return isMemberOf(actor, proposal.organizationId) && isEditableStatus(proposal.status);
}

export function canSubmitProposal(actor: ActorRelations, proposal: ProposalAccess): boolean {
  return isMemberOf(actor, proposal.organizationId) && canTransition(proposal.status, "submit");
}

export function canWithdrawProposal(actor: ActorRelations, proposal: ProposalAccess): boolean {
  return isMemberOf(actor, proposal.organizationId) && canTransition(proposal.status, "withdraw");
}

/** Starting a proposal in an organisation's name takes membership; eligibility is a rule, checked separately. */
export function canApplyAs(actor: ActorRelations, organizationId: number): boolean {
  return isMemberOf(actor, organizationId);
}
