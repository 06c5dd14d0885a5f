// What the platform admin may do. Admin rights are the one flag on the user; everything else is a relationship.
import type { Actor } from "~/lib/actor.server";

export type AdminActor = Pick<Actor, "userId" | "isPlatformAdmin">;

export function canAdminister(actor: AdminActor): boolean {
  return actor.isPlatformAdmin;
}

/** An admin grants or revokes admin rights, but never revokes their own: the portal must keep an admin. */
export function canSetPlatformAdmin(actor: AdminActor, targetUserId: number, grant: boolean): boolean {
  if (!actor.isPlatformAdmin) return false;
  return grant || targetUserId !== actor.userId;
}
