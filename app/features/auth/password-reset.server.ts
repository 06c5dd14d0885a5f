// Password reset by an emailed one-time link: the link carries a random token, the table only its hash. Using it
// sets the password, spends every outstanding link of the user, ends all their sessions and signs this browser
// in, all in one transaction.
import type { TFunction } from "i18next";
import { recordAudit } from "~/lib/audit.server";
import { db } from "~/lib/db.server";
import { hashPassword } from "~/lib/password.server";
import { enqueueEmail } from "~/lib/mail.server";
import { createUserSession, destroyAllSessions } from "~/lib/session.server";
import { addSeconds, nowIso } from "~/lib/time";
import { hashToken, newToken } from "~/lib/tokens.server";

export const RESET_LINK_SECONDS = 60 * 60;

/**
 * Writes a reset link and its email when the address has an account; does nothing otherwise (the caller answers
 * the same either way). Returns whether an email was queued, for the caller to flush the outbox.
 */
export async function requestPasswordReset(input: { email: string; origin: string; t: TFunction }): Promise<boolean> {
  const user = await db()
    .selectFrom("user")
    .select(["id", "email", "name"])
    .where("email", "=", input.email.toLowerCase())
    .executeTakeFirst();
  if (!user) return false;
  const { token, tokenHash } = newToken();
  await db()
    .transaction()
    .execute(async (trx) => {
      const createdAt = nowIso();
      const row = await trx
        .insertInto("passwordReset")
        .values({
          userId: user.id,
          tokenHash,
          createdAt,
          expiresAt: addSeconds(createdAt, RESET_LINK_SECONDS),
          usedAt: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await enqueueEmail(trx, {
        to: user.email,
        subject: input.t("auth:forgotPassword.emailSubject"),
        text: input.t("auth:forgotPassword.emailBody", {
          name: user.name,
          link: `${input.origin}/reset-password/${token}`,
          minutes: RESET_LINK_SECONDS / 60,
        }),
      });
      await recordAudit(trx, {
        actorUserId: null,
        action: "user.password_reset_requested",
        entityType: "user",
        entityId: user.id,
        after: { passwordResetId: row.id },
      });
    });
  return true;
}

/** The account a reset link belongs to, while the link is unused and unexpired. */
export async function findUsableReset(token: string) {
  return db()
    .selectFrom("passwordReset")
    .innerJoin("user", "user.id", "passwordReset.userId")
    .select(["passwordReset.id", "user.email"])
    .where("passwordReset.tokenHash", "=", hashToken(token))
    .where("passwordReset.usedAt", "is", null)
    .where("passwordReset.expiresAt", ">", nowIso())
    .executeTakeFirst();
}

/** Uses the link; "gone" when it was already used or has expired (checked again inside the transaction). */
export async function resetPassword(
  token: string,
  newPassword: string,
  request: Request,
): Promise<{ status: "reset"; userId: number; cookie: string } | { status: "gone" }> {
  const passwordHash = await hashPassword(newPassword);
  return db()
    .transaction()
    .execute(async (trx) => {
      const stamp = nowIso();
      const claimed = await trx
        .updateTable("passwordReset")
        .set({ usedAt: stamp })
        .where("tokenHash", "=", hashToken(token))
        .where("usedAt", "is", null)
        .where("expiresAt", ">", stamp)
        .returning(["id", "userId"])
        .executeTakeFirst();
      if (!claimed) return { status: "gone" as const };
      // Other links sent earlier would still let someone with access to the mailbox in; spend them too.
      await trx
        .updateTable("passwordReset")
        .set({ usedAt: stamp })
        .where("userId", "=", claimed.userId)
        .where("usedAt", "is", null)
        .execute();
      await trx.updateTable("user").set({ passwordHash, updatedAt: stamp }).where("id", "=", claimed.userId).execute();
      await destroyAllSessions(claimed.userId, trx);
      await recordAudit(trx, {
        actorUserId: claimed.userId,
        action: "user.password_reset",
        entityType: "user",
        entityId: claimed.userId,
        after: { passwordResetId: claimed.id },
      });
      const cookie = await createUserSession(claimed.userId, request, trx);
      return { status: "reset" as const, userId: claimed.userId, cookie };
    });
}
