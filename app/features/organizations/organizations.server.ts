// Data access for applicant organisations and their members. Every change is one transaction that re-checks its
// rule inside and writes its audit event; reads are bounded and ordered.
import type { TFunction } from "i18next";
import type { Updateable } from "kysely";
import type { OrganizationTable } from "~db/schema";
import {
  inviteByEmail,
  revokePendingInvitation,
  type InviteByEmailOutcome,
} from "~/features/invitations/invitations.server";
import { recordAudit } from "~/lib/audit.server";
import { db, type Executor } from "~/lib/db.server";
import { nowIso } from "~/lib/time";
import { leavesNoOwner, type MembershipChange } from "./permissions";
import type { MemberRole, OrganizationInput } from "./schemas";

/** The organisations a user belongs to, with their role, for the "my organisations" page. */
export async function listOrganizationsForUser(userId: number) {
  return db()
    .selectFrom("organizationMember")
    .innerJoin("organization", "organization.id", "organizationMember.organizationId")
    .select([
      "organization.id",
      "organization.kind",
      "organization.name",
      "organization.orgType",
      "organization.district",
      "organization.street",
      "organization.community",
      "organization.rating",
      "organization.ratingExpiresOn",
      "organizationMember.role",
    ])
    .where("organizationMember.userId", "=", userId)
    .orderBy("organization.name")
    .orderBy("organization.id")
    .limit(100)
    .execute();
}

export async function findOrganizationById(organizationId: number) {
  return db().selectFrom("organization").selectAll().where("id", "=", organizationId).executeTakeFirst();
}

export type OrganizationRecord = NonNullable<Awaited<ReturnType<typeof findOrganizationById>>>;

type OrganizationColumns = Required<Omit<Updateable<OrganizationTable>, "id" | "kind" | "createdAt" | "updatedAt">> & {
  kind: OrganizationInput["kind"];
};

/** The columns a form fills; the other kind's columns are cleared, so switching kind leaves nothing stale. */
function toColumns(input: OrganizationInput): OrganizationColumns {
  const common = {
    kind: input.kind,
    name: input.name,
    district: input.district,
    street: input.street,
    community: input.community,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    address: input.address,
    introduction: input.introduction,
    serviceExperience: input.serviceExperience,
    bankAccountName: input.bankAccountName || null,
    bankAccountNumber: input.bankAccountNumber || null,
    bankName: input.bankName || null,
  };
  if (input.kind === "registered") {
    return {
      ...common,
      uscc: input.uscc.code,
      orgType: input.uscc.orgType,
      registeredOn: input.registeredOn,
      rating: input.rating || null,
      ratingExpiresOn: input.rating ? input.ratingExpiresOn : null,
      sponsorCommunity: null,
      filingNumber: null,
      responsiblePerson: null,
    };
  }
  return {
    ...common,
    uscc: null,
    orgType: null,
    registeredOn: input.filedOn || null,
    rating: null,
    ratingExpiresOn: null,
    sponsorCommunity: input.sponsorCommunity,
    filingNumber: input.filingNumber,
    responsiblePerson: input.responsiblePerson,
  };
}

/** What the audit log keeps of an organisation: everything a form sets, the bank account number masked. */
function auditSnapshot(columns: OrganizationColumns) {
  const { bankAccountNumber, ...rest } = columns;
  return { ...rest, bankAccountNumber: bankAccountNumber ? `****${bankAccountNumber.slice(-4)}` : null };
}

async function usccTakenByAnother(trx: Executor, uscc: string | null, organizationId: number | null) {
  if (uscc === null) return false;
  let query = trx.selectFrom("organization").select("id").where("uscc", "=", uscc);
  if (organizationId !== null) query = query.where("id", "!=", organizationId);
  return (await query.executeTakeFirst()) !== undefined;
}

// Two people registering the same code at the same moment both pass the check; the unique index stops the
// second, and this tells that case apart from a real failure (SQLite and PostgreSQL codes).
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error) || !("code" in error)) return false;
  return error.code === "SQLITE_CONSTRAINT_UNIQUE" || error.code === "23505";
}

export type SaveResult = { ok: true; organizationId: number } | { ok: false; problem: "usccTaken" };

/** Registers an organisation; the person registering it becomes its owner. */
export async function registerOrganization(input: OrganizationInput, actorUserId: number): Promise<SaveResult> {
  const columns = toColumns(input);
  try {
    return await db()
      .transaction()
      .execute(async (trx): Promise<SaveResult> => {
        if (await usccTakenByAnother(trx, columns.uscc, null)) return { ok: false, problem: "usccTaken" };
        const stamp = nowIso();
        const { id } = await trx
          .insertInto("organization")
          .values({ ...columns, createdAt: stamp, updatedAt: stamp })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("organizationMember")
          .values({ organizationId: id, userId: actorUserId, role: "owner", createdAt: stamp })
          .execute();
        await recordAudit(trx, {
          actorUserId,
          action: "organization.registered",
          entityType: "organization",
          entityId: id,
          organizationId: id,
          after: auditSnapshot(columns),
        });
        return { ok: true, organizationId: id };
      });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, problem: "usccTaken" };
    throw error;
  }
}

export async function updateOrganization(
  organizationId: number,
  input: OrganizationInput,
  actorUserId: number,
): Promise<SaveResult> {
  const columns = toColumns(input);
  try {
    return await db()
      .transaction()
      .execute(async (trx): Promise<SaveResult> => {
        if (await usccTakenByAnother(trx, columns.uscc, organizationId)) return { ok: false, problem: "usccTaken" };
        const before = await trx
          .selectFrom("organization")
          .selectAll()
          .where("id", "=", organizationId)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable("organization")
          .set({ ...columns, updatedAt: nowIso() })
          .where("id", "=", organizationId)
          .execute();
        await recordAudit(trx, {
          actorUserId,
          action: "organization.updated",
          entityType: "organization",
          entityId: organizationId,
          organizationId,
          before: auditSnapshot(formColumnsOf(before)),
          after: auditSnapshot(columns),
        });
        return { ok: true, organizationId };
      });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, problem: "usccTaken" };
    throw error;
  }
}

function formColumnsOf(row: OrganizationRecord): OrganizationColumns {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, kind, ...rest } = row;
  return { ...rest, kind: kind === "registered" ? "registered" : "filed_team" };
}

/** Members, owners first, for the members page. Organisations are small teams; 200 is far above any real one. */
export async function listMembers(organizationId: number) {
  return db()
    .selectFrom("organizationMember")
    .innerJoin("user", "user.id", "organizationMember.userId")
    .select([
      "user.id as userId",
      "user.name",
      "user.email",
      "organizationMember.role",
      "organizationMember.createdAt as joinedAt",
    ])
    .where("organizationMember.organizationId", "=", organizationId)
    .orderBy("organizationMember.role", "desc")
    .orderBy("organizationMember.createdAt")
    .orderBy("user.id")
    .limit(200)
    .execute();
}

export interface InviteMemberInput {
  organization: { id: number; name: string };
  email: string;
  inviter: { userId: number; name: string };
  origin: string;
  t: TFunction;
}

/** Invites someone by email, unless they are already a member or already invited; the link is sent once committed. */
export async function inviteMember(input: InviteMemberInput): Promise<InviteByEmailOutcome> {
  return inviteByEmail({
    target: { kind: "organization_member", organizationId: input.organization.id, targetName: input.organization.name },
    email: input.email,
    invitedBy: input.inviter,
    origin: input.origin,
    t: input.t,
  });
}

/** Revokes a pending invitation, only if it is one to this organisation. */
export async function revokeMemberInvitation(
  organizationId: number,
  invitationId: number,
  actorUserId: number,
): Promise<"revoked" | "notFound"> {
  return (await revokePendingInvitation({ organizationId }, invitationId, actorUserId)) ? "revoked" : "notFound";
}

export type MembershipResult = "done" | "notMember" | "lastOwner";

/** Removes a member or changes their role, never leaving the organisation without an owner. */
export async function changeMembership(
  organizationId: number,
  userId: number,
  change: MembershipChange,
  actorUserId: number,
): Promise<MembershipResult> {
  return db()
    .transaction()
    .execute(async (trx): Promise<MembershipResult> => {
      // A no-op write on the organisation row locks it, so two owners demoting each other at the same moment are
      // serialised and the owner count below cannot go stale (PostgreSQL row lock; SQLite's single writer).
      await trx
        .updateTable("organization")
        .set((eb) => ({ id: eb.ref("id") }))
        .where("id", "=", organizationId)
        .execute();
      const target = await trx
        .selectFrom("organizationMember")
        .select("role")
        .where("organizationId", "=", organizationId)
        .where("userId", "=", userId)
        .executeTakeFirst();
      if (!target) return "notMember";
      const role: MemberRole = target.role === "owner" ? "owner" : "member";
      const { owners } = await trx
        .selectFrom("organizationMember")
        .select((eb) => eb.fn.countAll<string | number>().as("owners"))
        .where("organizationId", "=", organizationId)
        .where("role", "=", "owner")
        .executeTakeFirstOrThrow();
      if (leavesNoOwner({ role }, change, Number(owners))) return "lastOwner";

      if (change.kind === "remove") {
        await trx
          .deleteFrom("organizationMember")
          .where("organizationId", "=", organizationId)
          .where("userId", "=", userId)
          .execute();
      } else {
        await trx
          .updateTable("organizationMember")
          .set({ role: change.role })
          .where("organizationId", "=", organizationId)
          .where("userId", "=", userId)
          .execute();
      }
      await recordAudit(trx, {
        actorUserId,
        action: change.kind === "remove" ? "organization.member_removed" : "organization.member_role_changed",
        entityType: "organization_member",
        entityId: userId,
        organizationId,
        before: { userId, role },
        after: change.kind === "remove" ? undefined : { userId, role: change.role },
      });
      return "done";
    });
}
