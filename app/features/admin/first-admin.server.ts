// The first account that signs up on an empty portal becomes its platform admin, so a fresh deployment can be set
// up from the browser (the other way is `npm run user:create-admin`).
import { recordAudit } from "~/lib/audit.server";
import type { Executor } from "~/lib/db.server";
import { nowIso } from "~/lib/time";

/**
 * Call inside the sign-up transaction, right after inserting the user. Makes the user a platform admin when no
 * other account exists, with its audit event, and says whether it did.
 */
export async function promoteIfFirstAccount(trx: Executor, userId: number): Promise<boolean> {
  const other = await trx.selectFrom("user").select("id").where("id", "<>", userId).limit(1).executeTakeFirst();
  if (other) return false;
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
