// Data access for the platform admin pages: the overview counts, the user list and the admin flag.
import { type Actor, requireActor } from "~/lib/actor.server";
import { recordAudit } from "~/lib/audit.server";
import { db } from "~/lib/db.server";
import { forbidden } from "~/lib/http";
import { containsText } from "~/lib/search";
import { nowIso } from "~/lib/time";
import { canAdminister } from "./permissions";

/** Every admin loader and action starts here: signed out → sign-in, signed in without the admin flag → 403. */
export async function requireAdmin(request: Request): Promise<Actor> {
  const actor = await requireActor(request);
  if (!canAdminister(actor)) forbidden();
  return actor;
}

async function countAll(table: "user" | "funder" | "organization"): Promise<number> {
  const row = await db()
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function loadOverview() {
  const [users, funders, organizations, programsByStatus, recent] = await Promise.all([
    countAll("user"),
    countAll("funder"),
    countAll("organization"),
    db()
      .selectFrom("program")
      .select((eb) => ["status", eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .orderBy("status")
      .limit(50)
      .execute(),
    db()
      .selectFrom("auditEvent")
      .leftJoin("user", "user.id", "auditEvent.actorUserId")
      .select([
        "auditEvent.id",
        "auditEvent.at",
        "auditEvent.action",
        "auditEvent.entityType",
        "auditEvent.entityId",
        "user.email as actorEmail",
      ])
      .orderBy("auditEvent.at", "desc")
      .orderBy("auditEvent.id", "desc")
      .limit(8)
      .execute(),
  ]);
  return {
    counts: { users, funders, organizations },
    programsByStatus: programsByStatus.map((row) => ({ status: row.status, count: Number(row.n) })),
    recent,
  };
}

function userSearch(search: string) {
  let query = db().selectFrom("user");
  if (search) {
    query = query.where((eb) =>
      eb.or([containsText(db(), "user.email", search), containsText(db(), "user.name", search)]),
    );
  }
  return query;
}

/** One page of accounts, newest first, with how many funders and organisations each belongs to. */
export async function listUsers({ search, limit, offset }: { search: string; limit: number; offset: number }) {
  const rows = await userSearch(search)
    .select((eb) => [
      "user.id",
      "user.email",
      "user.name",
      "user.isPlatformAdmin",
      "user.createdAt",
      eb
        .selectFrom("funderMember")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("funderMember.userId", "=", "user.id")
        .as("funderCount"),
      eb
        .selectFrom("organizationMember")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("organizationMember.userId", "=", "user.id")
        .as("organizationCount"),
    ])
    .orderBy("user.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((row) => ({
    ...row,
    isPlatformAdmin: row.isPlatformAdmin === 1,
    funderCount: Number(row.funderCount ?? 0),
    organizationCount: Number(row.organizationCount ?? 0),
  }));
}

export async function countUsers(search: string): Promise<number> {
  const row = await userSearch(search)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Grants or revokes admin rights; a no-op (and no audit event) when the flag already has that value. */
export async function setPlatformAdmin(
  targetUserId: number,
  grant: boolean,
  actorUserId: number,
): Promise<"changed" | "unchanged" | "missing"> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const target = await trx
        .selectFrom("user")
        .select(["email", "isPlatformAdmin"])
        .where("id", "=", targetUserId)
        .executeTakeFirst();
      if (!target) return "missing";
      if ((target.isPlatformAdmin === 1) === grant) return "unchanged";
      await trx
        .updateTable("user")
        .set({ isPlatformAdmin: grant ? 1 : 0, updatedAt: nowIso() })
        .where("id", "=", targetUserId)
        .execute();
      await recordAudit(trx, {
        actorUserId,
        action: grant ? "user.admin_granted" : "user.admin_revoked",
        entityType: "user",
        entityId: targetUserId,
        before: { email: target.email, isPlatformAdmin: !grant },
        after: { email: target.email, isPlatformAdmin: grant },
      });
      return "changed";
    });
}
