// Who is asking, with the relationships that grant permissions: funder staff memberships and organisation
// memberships. Permissions are never read from a role column on the user.
import { oncePerRequest } from "./request-scope.server";
import { requireUser, type SessionUser } from "./session.server";

export interface Actor {
  userId: number;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  funderIds: number[];
  organizations: { organizationId: number; role: "owner" | "member" }[];
}

/** The actor for a signed-in user; the session lookup already read the memberships. */
export function actorOf(user: SessionUser): Actor {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isPlatformAdmin: user.isPlatformAdmin,
    funderIds: user.funderIds,
    organizations: user.organizations.map((row) => ({
      organizationId: row.organizationId,
      role: row.role === "owner" ? "owner" : "member",
    })),
  };
}

const ACTOR = Symbol("actor");

/** The signed-in actor, read once per page view (the root loader and the page's loader both ask). */
export async function requireActor(request: Request): Promise<Actor> {
  return oncePerRequest(ACTOR, () => requireUser(request).then(actorOf));
}
