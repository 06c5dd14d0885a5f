// The first account that signs up on an empty portal becomes its platform admin, so a fresh deployment can be set
// up from the browser (the other way is `npm run user:create-admin`).
import { sql } from "kysely";
import { recordAudit } from "~/lib/audit.server";
import { type Executor, isPostgres } from "~/lib/db.server";
import { nowIso } from "~/lib/time";

/** The PostgreSQL advisory lock that first sign-ups take turns on (any constant the portal uses for nothing else). */
const FIRST_ACCOUNT_LOCK = 7_420_001;

function anotherAccount(trx: Executor, userId: number) {
  return trx.selectFrom("user").select("id").where("id", "<>", userId).limit(1).executeTakeFirst();
}

/**
 * Call inside the sign-up transaction, right after inserting the user. Makes the user a platform admin when no
 * other account exists, with its audit event, and says whether it did.
 */
export async function promoteIfFirstAccount(trx: Executor, userId: number): Promise<boolean> {
  if (await anotherAccount(trx, userId)) return false;
  // On PostgreSQL, sign-ups at the same moment on an empty portal each see only their own uncommitted account, and
  // all of them would be promoted. They take turns here instead (a lock held until the transaction ends) and look
  // again once they hold it, when the accounts of those that went first have been committed. SQLite runs one
  // writing transaction at a time already.
  if (isPostgres(trx)) {
    await sql`select pg_advisory_xact_lock(${FIRST_ACCOUNT_LOCK})`.execute(trx);
    if (await anotherAccount(trx, userId)) return false;
  }
  await trx.updateTable("user").set({ isPlatformAdmin: 1, updatedAt: nowIso() }).where("id", "=", userId).execute();
  await recordAudit(trx, {
    actorUserId: userId,
    action: "user.admin_granted",
    entityType: "user",
    entityId: userId,
    after: { isPlatformAdmin: true, reason: "first_account" },
  });
  return true;
}
