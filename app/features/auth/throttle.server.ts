// Stores the sign-in throttle (rules in ./throttle.ts) in the sign_in_throttle table. Concurrent failures for the
// same subject must each count, so every write is a compare-and-set on the row it read, retried on a clash.
import { setTimeout as sleep } from "node:timers/promises";
import { recordAudit } from "~/lib/audit.server";
import { db, type Executor } from "~/lib/db.server";
import {
  emailSubject,
  failureDelayMs,
  lockRemainingMs,
  registerFailure,
  type ThrottleState,
  type ThrottleSubject,
} from "./throttle";

const MAX_ATTEMPTS = 10;

function findState(executor: Executor, key: string) {
  return executor
    .selectFrom("signInThrottle")
    .select(["failures", "lastFailureAt", "lockedUntil"])
    .where("key", "=", key)
    .executeTakeFirst();
}

/** Milliseconds until the most restricted of the subjects may try again; 0 when none is locked. */
export async function lockRemainingFor(subjects: ThrottleSubject[], now: string): Promise<number> {
  const rows = await db()
    .selectFrom("signInThrottle")
    .select(["failures", "lastFailureAt", "lockedUntil"])
    .where(
      "key",
      "in",
      subjects.map((subject) => subject.key),
    )
    .execute();
  return Math.max(0, ...rows.map((row) => lockRemainingMs(row, now)));
}

async function countFailure(trx: Executor, subject: ThrottleSubject, now: string) {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const current = await findState(trx, subject.key);
    const next = registerFailure(current, now, subject.policy);
    const written = current
      ? await trx
          .updateTable("signInThrottle")
          .set(next)
          .where("key", "=", subject.key)
          .where("failures", "=", current.failures)
          .where("lastFailureAt", "=", current.lastFailureAt)
          .executeTakeFirst()
          .then((result) => result.numUpdatedRows > 0n)
      : await trx
          .insertInto("signInThrottle")
          .values({ key: subject.key, ...next })
          .onConflict((oc) => oc.column("key").doNothing())
          .executeTakeFirst()
          .then((result) => (result.numInsertedOrUpdatedRows ?? 0n) > 0n);
    if (written) return { before: current, after: next };
  }
  throw new Error(`sign-in throttle for ${subject.key} kept changing under us`);
}

function isLocked(state: ThrottleState | undefined, now: string): boolean {
  return lockRemainingMs(state, now) > 0;
}

/**
 * Counts one failed attempt against every subject. When that locks one of them, the lock is audited in the same
 * transaction. Returns how long to hold the answer and how long the subjects are now locked.
 */
export async function recordSignInFailure(
  subjects: ThrottleSubject[],
  attempt: { email: string; userId: number | null },
  now: string,
): Promise<{ delayMs: number; lockMs: number }> {
  return db()
    .transaction()
    .execute(async (trx) => {
      let delayMs = 0;
      let lockMs = 0;
      for (const subject of subjects) {
        const { before, after } = await countFailure(trx, subject, now);
        delayMs = Math.max(delayMs, failureDelayMs(after.failures, subject.policy));
        lockMs = Math.max(lockMs, lockRemainingMs(after, now));
        if (!isLocked(before, now) && isLocked(after, now)) {
          await recordAudit(trx, {
            actorUserId: attempt.userId,
            action: "user.sign_in_locked",
            entityType: "user",
            entityId: attempt.userId,
            after: {
              subject: subject.key,
              email: attempt.email,
              failures: after.failures,
              lockedUntil: after.lockedUntil,
            },
          });
        }
      }
      return { delayMs, lockMs };
    });
}

// A successful sign-in forgets the email's failures; the address keeps its count, so knowing one password does
// not let a machine that is guessing others start afresh.
export async function clearSignInFailures(trx: Executor, email: string): Promise<void> {
  await trx.deleteFrom("signInThrottle").where("key", "=", emailSubject(email).key).execute();
}

/** Holds a failed answer back, so guessing gets slower before it is refused. */
export async function holdAnswer(delayMs: number): Promise<void> {
  if (delayMs > 0) await sleep(delayMs);
}
