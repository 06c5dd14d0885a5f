// Invitations by email link: a funder's manager or an organisation's member. The link carries a one-time token;
// accepting it (signed in with the invited email) adds the membership, in one transaction with its audit event.
import type { TFunction } from "i18next";
import type { ExpressionBuilder } from "kysely";
import { recordAudit } from "~/lib/audit.server";
import { db, type Database, type Executor } from "~/lib/db.server";
import { enqueueEmail, flushOutbox } from "~/lib/mail.server";
import { addSeconds, nowIso } from "~/lib/time";
import { hashToken, newToken } from "~/lib/tokens.server";

const INVITATION_SECONDS = 60 * 60 * 24 * 7;

export type InvitationTarget =
  | { kind: "funder_manager"; funderId: number; targetName: string }
  | { kind: "organization_member"; organizationId: number; targetName: string };

/** The funder whose staff, or the organisation whose members, an invitation is to. */
export type InvitationScope = { funderId: number } | { organizationId: number };

function scopeOf(target: InvitationTarget): InvitationScope {
  return target.kind === "funder_manager" ? { funderId: target.funderId } : { organizationId: target.organizationId };
}

/** Filters invitations to one scope; the kind is matched too, so a row can only count for the scope it was made for. */
function inScope(scope: InvitationScope) {
  return (eb: ExpressionBuilder<Database, "invitation">) =>
    "funderId" in scope
      ? eb.and([eb("invitation.kind", "=", "funder_manager"), eb("invitation.funderId", "=", scope.funderId)])
      : eb.and([
          eb("invitation.kind", "=", "organization_member"),
          eb("invitation.organizationId", "=", scope.organizationId),
        ]);
}

/** Invitations to one scope that can still be accepted: neither accepted, revoked nor expired. */
function pendingInvitations(executor: Executor, scope: InvitationScope) {
  return executor
    .selectFrom("invitation")
    .where(inScope(scope))
    .where("acceptedAt", "is", null)
    .where("revokedAt", "is", null)
    .where("expiresAt", ">", nowIso());
}

export interface CreateInvitationInput {
  target: InvitationTarget;
  email: string;
  invitedBy: { userId: number; name: string };
  /** The absolute origin the link should point to, e.g. "https://portal.example.cn". */
  origin: string;
  /** A translator in the inviter's language; the email is written in it. */
  t: TFunction;
}

export async function createInvitation(
  trx: Executor,
  input: CreateInvitationInput,
): Promise<{ id: number; token: string }> {
  const { token, tokenHash } = newToken();
  const createdAt = nowIso();
  const email = input.email.trim().toLowerCase();
  const row = await trx
    .insertInto("invitation")
    .values({
      kind: input.target.kind,
      funderId: input.target.kind === "funder_manager" ? input.target.funderId : null,
      organizationId: input.target.kind === "organization_member" ? input.target.organizationId : null,
      email,
      tokenHash,
      invitedBy: input.invitedBy.userId,
      createdAt,
      expiresAt: addSeconds(createdAt, INVITATION_SECONDS),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const link = `${input.origin}/invitations/${token}`;
  await enqueueEmail(trx, {
    to: email,
    subject: input.t("auth:invitation.emailSubject", { target: input.target.targetName }),
    text: input.t("auth:invitation.emailBody", {
      inviter: input.invitedBy.name,
      target: input.target.targetName,
      link,
    }),
  });
  await recordAudit(trx, {
    actorUserId: input.invitedBy.userId,
    action: "invitation.created",
    entityType: "invitation",
    entityId: row.id,
    funderId: input.target.kind === "funder_manager" ? input.target.funderId : null,
    organizationId: input.target.kind === "organization_member" ? input.target.organizationId : null,
    after: { kind: input.target.kind, email },
  });
  return { id: row.id, token };
}

export type InviteByEmailOutcome = "invited" | "alreadyMember" | "alreadyInvited";

/**
 * Invites an address to a funder's staff or an organisation's members, and sends the email once committed. Refuses
 * an address that already belongs there or already has a pending invitation, so the inviter is told instead of the
 * invitee getting a second link. Both checks run inside the transaction that writes the invitation.
 */
export async function inviteByEmail(input: CreateInvitationInput): Promise<InviteByEmailOutcome> {
  const outcome = await db()
    .transaction()
    .execute(async (trx): Promise<InviteByEmailOutcome> => {
      if (await isAlreadyMember(trx, input.target, input.email)) return "alreadyMember";
      const pending = await pendingInvitations(trx, scopeOf(input.target))
        .select("id")
        .where("email", "=", input.email)
        .executeTakeFirst();
      if (pending) return "alreadyInvited";
      await createInvitation(trx, input);
      return "invited";
    });
  // Delivery talks to the mail server, so it waits until the invitation (and its outbox row) is committed.
  if (outcome === "invited") await flushOutbox();
  return outcome;
}

/** Whether a user with this email already belongs to the target (as a funder's manager or organisation member). */
async function isAlreadyMember(trx: Executor, target: InvitationTarget, email: string): Promise<boolean> {
  const member =
    target.kind === "funder_manager"
      ? trx
          .selectFrom("funderMember")
          .select("funderMember.userId")
          .where("funderMember.funderId", "=", target.funderId)
      : trx
          .selectFrom("organizationMember")
          .select("organizationMember.userId")
          .where("organizationMember.organizationId", "=", target.organizationId);
  const user = await trx
    .selectFrom("user")
    .select("user.id")
    .where("user.email", "=", email)
    .where("user.id", "in", member)
    .executeTakeFirst();
  return user !== undefined;
}

/** An invitation that can still be accepted, with the name of what it grants access to. */
export async function findPendingInvitation(token: string) {
  return db()
    .selectFrom("invitation")
    .leftJoin("funder", "funder.id", "invitation.funderId")
    .leftJoin("organization", "organization.id", "invitation.organizationId")
    .select([
      "invitation.id",
      "invitation.kind",
      "invitation.email",
      "invitation.funderId",
      "invitation.organizationId",
      "invitation.expiresAt",
      "funder.name as funderName",
      "organization.name as organizationName",
    ])
    .where("invitation.tokenHash", "=", hashToken(token))
    .where("invitation.acceptedAt", "is", null)
    .where("invitation.revokedAt", "is", null)
    .where("invitation.expiresAt", ">", nowIso())
    .executeTakeFirst();
}

export type PendingInvitation = NonNullable<Awaited<ReturnType<typeof findPendingInvitation>>>;

/** Adds the membership the invitation grants; re-checks inside the transaction that it is still unused. */
export async function acceptInvitation(invitationId: number, userId: number): Promise<"accepted" | "gone"> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const stamp = nowIso();
      const claimed = await trx
        .updateTable("invitation")
        .set({ acceptedAt: stamp, acceptedBy: userId })
        .where("id", "=", invitationId)
        .where("acceptedAt", "is", null)
        .where("revokedAt", "is", null)
        .where("expiresAt", ">", stamp)
        .returning(["kind", "funderId", "organizationId"])
        .executeTakeFirst();
      if (!claimed) return "gone";
      if (claimed.kind === "funder_manager" && claimed.funderId !== null) {
        await trx
          .insertInto("funderMember")
          .values({ funderId: claimed.funderId, userId, createdAt: stamp })
          .onConflict((oc) => oc.columns(["funderId", "userId"]).doNothing())
          .execute();
      } else if (claimed.kind === "organization_member" && claimed.organizationId !== null) {
        await trx
          .insertInto("organizationMember")
          .values({ organizationId: claimed.organizationId, userId, role: "member", createdAt: stamp })
          .onConflict((oc) => oc.columns(["organizationId", "userId"]).doNothing())
          .execute();
      }
      await recordAudit(trx, {
        actorUserId: userId,
        action: "invitation.accepted",
        entityType: "invitation",
        entityId: invitationId,
        funderId: claimed.funderId,
        organizationId: claimed.organizationId,
        after: { kind: claimed.kind },
      });
      return "accepted";
    });
}

/**
 * Revokes a pending invitation, but only one to the given funder or organisation: the id comes from a form, so
 * without the scope a manager of one could revoke another's invitations. False when there is none to revoke.
 */
export async function revokePendingInvitation(
  scope: InvitationScope,
  invitationId: number,
  actorUserId: number,
): Promise<boolean> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const revoked = await trx
        .updateTable("invitation")
        .set({ revokedAt: nowIso() })
        .where("id", "=", invitationId)
        .where(inScope(scope))
        .where("acceptedAt", "is", null)
        .where("revokedAt", "is", null)
        .returning(["funderId", "organizationId"])
        .executeTakeFirst();
      if (!revoked) return false;
      await recordAudit(trx, {
        actorUserId,
        action: "invitation.revoked",
        entityType: "invitation",
        entityId: invitationId,
        funderId: revoked.funderId,
        organizationId: revoked.organizationId,
      });
      return true;
    });
}

/** Pending invitations to one funder or organisation, newest first, for its staff/members page. */
export async function listPendingInvitations(scope: InvitationScope) {
  return pendingInvitations(db(), scope)
    .select(["id", "email", "createdAt", "expiresAt"])
    .orderBy("createdAt", "desc")
    .limit(100)
    .execute();
}
