// Who may do what with a funder. Staff rights come from funder membership; the platform admin creates funders and
// removes managers. Managers invite other managers of their own funder (teams manage themselves).
import type { Actor } from "~/lib/actor.server";

export type FunderActor = Pick<Actor, "userId" | "isPlatformAdmin" | "funderIds">;

export function isStaffOf(actor: FunderActor, funderId: number): boolean {
  return actor.funderIds.includes(funderId);
}

/** The staff workspace (/manage) is for people who work for at least one funder. */
export function canUseStaffWorkspace(actor: FunderActor): boolean {
  return actor.funderIds.length > 0;
}

export function canViewFunderAsStaff(actor: FunderActor, funderId: number): boolean {
  return isStaffOf(actor, funderId);
}

export function canInviteManagers(actor: FunderActor, funderId: number): boolean {
  return actor.isPlatformAdmin || isStaffOf(actor, funderId);
}

export function canEditFunder(actor: FunderActor): boolean {
  return actor.isPlatformAdmin;
}

export function canRemoveManagers(actor: FunderActor): boolean {
  return actor.isPlatformAdmin;
}
