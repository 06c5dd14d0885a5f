// Accounts: signing up and in, the profile and the password. Each change is one transaction with its audit event;
// the session that results is created inside it, so a half-done sign-up never leaves a user without a session.
import { promoteIfFirstAccount } from "~/features/admin/first-admin.server";
import { recordAudit } from "~/lib/audit.server";
import { db } from "~/lib/db.server";
import { hashPassword, verifyPassword } from "~/lib/password.server";
import { createUserSession, destroyAllSessions, destroyCurrentSession } from "~/lib/session.server";
import { nowIso } from "~/lib/time";
import { clearSignInFailures } from "./throttle.server";

export interface NewAccount {
  name: string;
  email: string;
  phone: string | null;
  password: string;
  locale: string;
}

/** Creates the user and signs them in; "emailTaken" (and nothing written) when the email already has an account. */
export async function signUp(
  account: NewAccount,
  request: Request,
): Promise<{ status: "created"; userId: number; cookie: string; becameAdmin: boolean } | { status: "emailTaken" }> {
  const passwordHash = await hashPassword(account.password);
  return db()
    .transaction()
    .execute(async (trx) => {
      const stamp = nowIso();
      // The unique index decides, so two sign-ups racing for one email cannot both win.
      const created = await trx
        .insertInto("user")
        .values({
          email: account.email.toLowerCase(),
          name: account.name,
          phone: account.phone,
          passwordHash,
          locale: account.locale,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .onConflict((oc) => oc.column("email").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!created) return { status: "emailTaken" as const };
      await recordAudit(trx, {
        actorUserId: created.id,
        action: "user.signed_up",
        entityType: "user",
        entityId: created.id,
        after: { email: account.email.toLowerCase(), name: account.name },
      });
      const becameAdmin = await promoteIfFirstAccount(trx, created.id);
      const cookie = await createUserSession(created.id, request, trx);
      return { status: "created" as const, userId: created.id, cookie, becameAdmin };
    });
}

// Unknown emails are checked against this hash too, so the answer takes as long as for a wrong password.
let decoyHash: Promise<string> | undefined;

/** Whose email this is (null when nobody's) and whether the password is theirs; the same work is done either way. */
export async function checkCredentials(
  email: string,
  password: string,
): Promise<{ userId: number | null; valid: boolean }> {
  const user = await db()
    .selectFrom("user")
    .select(["id", "passwordHash"])
    .where("email", "=", email.toLowerCase())
    .executeTakeFirst();
  decoyHash ??= hashPassword("decoy password that matches nothing");
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  return { userId: user?.id ?? null, valid: user !== undefined && matches };
}

export async function findUserIdByEmail(email: string): Promise<number | null> {
  const row = await db().selectFrom("user").select("id").where("email", "=", email.toLowerCase()).executeTakeFirst();
  return row?.id ?? null;
}

/** Starts a session for a verified user, forgetting the email's failed attempts. */
export async function signIn(userId: number, email: string, request: Request): Promise<string> {
  return db()
    .transaction()
    .execute(async (trx) => {
      await clearSignInFailures(trx, email);
      await recordAudit(trx, { actorUserId: userId, action: "user.signed_in", entityType: "user", entityId: userId });
      return createUserSession(userId, request, trx);
    });
}

/** Where a user lands after signing in without a destination: their working area. */
export async function landingPathFor(userId: number): Promise<string> {
  const [user, staff] = await Promise.all([
    db().selectFrom("user").select("isPlatformAdmin").where("id", "=", userId).executeTakeFirst(),
    db().selectFrom("funderMember").select("funderId").where("userId", "=", userId).limit(1).executeTakeFirst(),
  ]);
  if (staff) return "/manage";
  if (user?.isPlatformAdmin === 1) return "/admin";
  return "/organizations";
}

/** Ends this browser's session; returns the Set-Cookie value that clears the cookie. */
export async function signOut(request: Request, userId: number | null): Promise<string> {
  return db()
    .transaction()
    .execute(async (trx) => {
      if (userId !== null) {
        await recordAudit(trx, {
          actorUserId: userId,
          action: "user.signed_out",
          entityType: "user",
          entityId: userId,
        });
      }
      return destroyCurrentSession(request, trx);
    });
}

/** Ends every session of the user, on every device; returns the Set-Cookie value that clears this browser's. */
export async function signOutEverywhere(userId: number, request: Request): Promise<string> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const cookie = await destroyCurrentSession(request, trx);
      await destroyAllSessions(userId, trx);
      await recordAudit(trx, {
        actorUserId: userId,
        action: "user.signed_out_everywhere",
        entityType: "user",
        entityId: userId,
      });
      return cookie;
    });
}

export async function findAccount(userId: number) {
  const [user, sessions] = await Promise.all([
    db()
      .selectFrom("user")
      .select(["id", "email", "name", "phone", "updatedAt"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow(),
    db()
      .selectFrom("session")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("userId", "=", userId)
      .where("expiresAt", ">", nowIso())
      .executeTakeFirstOrThrow(),
  ]);
  return { ...user, activeSessions: Number(sessions.n) };
}

export async function updateProfile(userId: number, profile: { name: string; phone: string | null }): Promise<void> {
  await db()
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("user")
        .select(["name", "phone"])
        .where("id", "=", userId)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable("user")
        .set({ name: profile.name, phone: profile.phone, updatedAt: nowIso() })
        .where("id", "=", userId)
        .execute();
      await recordAudit(trx, {
        actorUserId: userId,
        action: "user.profile_updated",
        entityType: "user",
        entityId: userId,
        before,
        after: profile,
      });
    });
}

export async function passwordMatches(userId: number, password: string): Promise<boolean> {
  const row = await db().selectFrom("user").select("passwordHash").where("id", "=", userId).executeTakeFirstOrThrow();
  return verifyPassword(password, row.passwordHash);
}

/**
 * Sets a new password and ends every other session: whoever else held one (a shared computer, a thief) is out.
 * This browser gets a fresh session; returns its Set-Cookie value.
 */
export async function changePassword(userId: number, newPassword: string, request: Request): Promise<string> {
  const passwordHash = await hashPassword(newPassword);
  return db()
    .transaction()
    .execute(async (trx) => {
      await trx.updateTable("user").set({ passwordHash, updatedAt: nowIso() }).where("id", "=", userId).execute();
      await destroyAllSessions(userId, trx);
      await recordAudit(trx, {
        actorUserId: userId,
        action: "user.password_changed",
        entityType: "user",
        entityId: userId,
      });
      return createUserSession(userId, request, trx);
    });
}
