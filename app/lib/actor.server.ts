// Who is asking, with the relationships that grant permissions: funder staff memberships and organisation
// memberships. Permissions are never read from a role column on the user.
import { db } from "./db.server";
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

export async function loadActor(user: SessionUser): Promise<Actor> {
  const [funders, organizations] = await Promise.all([
    db().selectFrom("funderMember").select("funderId").where("userId", "=", user.id).execute(),
    db()
      .selectFrom("organizationMember")
      .select(["organizationId", "role"])
      .where("userId", "=", user.id)
      .execute(),
  ]);
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isPlatformAdmin: user.isPlatformAdmin,
    funderIds: funders.map((row) => row.funderId),
    organizations: organizations.map((row) => ({
      organizationId: row.organizationId,
      role: row.role === "owner" ? "owner" : "member",
    })),
  };
}

const ACTOR = Symbol("actor");

/** The signed-in actor, read once per page view (the root loader and the page's loader both ask). */
export async function requireActor(request: Request): Promise<Actor> {
  return oncePerRequest(ACTOR, () => requireUser(request).then(loadActor));
}
