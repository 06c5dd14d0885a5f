// Who may see and change an applicant organisation. Access comes from membership (owner or member); platform
// admins may look but not change. Whether an organisation exists is private: outsiders get a 404, not a 403.
import type { Actor } from "~/lib/actor.server";
import type { MemberRole } from "./schemas";

export type OrganizationActor = Pick<Actor, "userId" | "isPlatformAdmin" | "organizations">;

export function roleIn(actor: OrganizationActor, organizationId: number): MemberRole | null {
  return actor.organizations.find((membership) => membership.organizationId === organizationId)?.role ?? null;
}

export function canViewOrganization(actor: OrganizationActor, organizationId: number): boolean {
  return roleIn(actor, organizationId) !== null || actor.isPlatformAdmin;
}

export function canEditOrganization(actor: OrganizationActor, organizationId: number): boolean {
  return roleIn(actor, organizationId) === "owner";
}

/** Inviting, revoking invitations, removing members and changing roles. */
export function canManageMembers(actor: OrganizationActor, organizationId: number): boolean {
  return roleIn(actor, organizationId) === "owner";
}

/**
 * The bank account is for paying a grant, so it is shown to the organisation's own members only. A later issue
 * (awards) extends this to the staff of a funder that has awarded the organisation a grant.
 */
export function canSeeBankAccount(actor: OrganizationActor, organization: { id: number }): boolean {
  return roleIn(actor, organization.id) !== null;
}

/** The HTTP answer for an actor who may not do what they asked: 404 when they may not even know it exists. */
export function denialStatus(
  actor: OrganizationActor,
  organizationId: number,
  allowed: (actor: OrganizationActor, organizationId: number) => boolean,
): 403 | 404 | null {
  if (allowed(actor, organizationId)) return null;
  return canViewOrganization(actor, organizationId) ? 403 : 404;
}

export type MembershipChange = { kind: "remove" } | { kind: "changeRole"; role: MemberRole };

/**
 * An organisation always keeps at least one owner, who can invite and manage the others: removing or demoting
 * the only owner is refused.
 */
export function leavesNoOwner(target: { role: MemberRole }, change: MembershipChange, ownerCount: number): boolean {
  if (target.role !== "owner" || ownerCount > 1) return false;
  return change.kind === "remove" || change.role !== "owner";
}
