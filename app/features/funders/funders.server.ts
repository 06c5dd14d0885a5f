// Data access for funders and their staff. Every write is one transaction with its audit event; invitation emails
// are written to the outbox inside it and delivered after commit.
import type { TFunction } from "i18next";
import {
  inviteByEmail,
  listPendingInvitations,
  revokePendingInvitation,
  type InviteByEmailOutcome,
} from "~/features/invitations/invitations.server";
import { recordAudit } from "~/lib/audit.server";
import { db } from "~/lib/db.server";
import { containsText } from "~/lib/search";
import { nowIso } from "~/lib/time";
import type { FunderInput } from "./schemas";

const funderColumns = [
  "funder.id",
  "funder.name",
  "funder.kind",
  "funder.province",
  "funder.city",
  "funder.district",
  "funder.street",
  "funder.contactName",
  "funder.contactPhone",
  "funder.createdAt",
  "funder.updatedAt",
] as const;

export async function findFunderById(id: number) {
  return db().selectFrom("funder").select(funderColumns).where("funder.id", "=", id).executeTakeFirst();
}

export type FunderRecord = NonNullable<Awaited<ReturnType<typeof findFunderById>>>;

function funderSearch(search: string) {
  let query = db().selectFrom("funder");
  if (search) query = query.where(containsText(db(), "funder.name", search));
  return query;
}

/** One page of funders for the admin list, newest first, with how many managers and programs each has. */
export async function listFunders({ search, limit, offset }: { search: string; limit: number; offset: number }) {
  const rows = await funderSearch(search)
    .select(funderColumns)
    .select((eb) => [
      eb
        .selectFrom("funderMember")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("funderMember.funderId", "=", "funder.id")
        .as("managerCount"),
      eb
        .selectFrom("program")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("program.funderId", "=", "funder.id")
        .as("programCount"),
    ])
    .orderBy("funder.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((row) => ({
    ...row,
    managerCount: Number(row.managerCount ?? 0),
    programCount: Number(row.programCount ?? 0),
  }));
}

export async function countFunders(search: string): Promise<number> {
  const row = await funderSearch(search)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertFunder(input: FunderInput, actorUserId: number): Promise<number> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const stamp = nowIso();
      const row = await trx
        .insertInto("funder")
        .values({ ...input, createdAt: stamp, updatedAt: stamp })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorUserId,
        action: "funder.created",
        entityType: "funder",
        entityId: row.id,
        funderId: row.id,
        after: input,
      });
      return row.id;
    });
}

/** Saves the funder's details; the audit event keeps the fields as they were and as they are now. */
export async function updateFunder(
  id: number,
  input: FunderInput,
  actorUserId: number,
): Promise<"updated" | "missing"> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("funder")
        .select(["name", "kind", "province", "city", "district", "street", "contactName", "contactPhone"])
        .where("id", "=", id)
        .executeTakeFirst();
      if (!before) return "missing";
      await trx
        .updateTable("funder")
        .set({ ...input, updatedAt: nowIso() })
        .where("id", "=", id)
        .execute();
      await recordAudit(trx, {
        actorUserId,
        action: "funder.updated",
        entityType: "funder",
        entityId: id,
        funderId: id,
        before,
        after: input,
      });
      return "updated";
    });
}

/** The funder's staff, by name; a funder has a handful of managers, the limit only guards the page. */
export async function listFunderManagers(funderId: number) {
  return db()
    .selectFrom("funderMember")
    .innerJoin("user", "user.id", "funderMember.userId")
    .select(["user.id as userId", "user.name", "user.email", "funderMember.createdAt as since"])
    .where("funderMember.funderId", "=", funderId)
    .orderBy("user.name")
    .orderBy("user.id")
    .limit(200)
    .execute();
}

export async function removeFunderManager(
  funderId: number,
  userId: number,
  actorUserId: number,
): Promise<"removed" | "missing"> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const member = await trx
        .selectFrom("funderMember")
        .innerJoin("user", "user.id", "funderMember.userId")
        .select(["user.email", "user.name"])
        .where("funderMember.funderId", "=", funderId)
        .where("funderMember.userId", "=", userId)
        .executeTakeFirst();
      if (!member) return "missing";
      await trx.deleteFrom("funderMember").where("funderId", "=", funderId).where("userId", "=", userId).execute();
      await recordAudit(trx, {
        actorUserId,
        action: "funder.manager_removed",
        entityType: "funder",
        entityId: funderId,
        funderId,
        before: { userId, email: member.email, name: member.name },
      });
      return "removed";
    });
}

export function listPendingManagerInvitations(funderId: number) {
  return listPendingInvitations({ funderId });
}

export type InviteOutcome = "invited" | "already_manager" | "already_invited";

/** The staff actions word the shared outcomes in the funders' own terms (they pick the message from them). */
const INVITE_OUTCOME = {
  invited: "invited",
  alreadyMember: "already_manager",
  alreadyInvited: "already_invited",
} as const satisfies Record<InviteByEmailOutcome, InviteOutcome>;

/** Invites someone to manage the funder, unless they already do or already have a pending invitation. */
export async function inviteFunderManager(input: {
  funder: { id: number; name: string };
  email: string;
  invitedBy: { userId: number; name: string };
  origin: string;
  t: TFunction;
}): Promise<InviteOutcome> {
  const outcome = await inviteByEmail({
    target: { kind: "funder_manager", funderId: input.funder.id, targetName: input.funder.name },
    email: input.email,
    invitedBy: input.invitedBy,
    origin: input.origin,
    t: input.t,
  });
  return INVITE_OUTCOME[outcome];
}

/** Revokes a pending invitation, but only one that belongs to this funder: the id comes from the form. */
export async function revokeFunderInvitation(
  funderId: number,
  invitationId: number,
  actorUserId: number,
): Promise<"revoked" | "missing"> {
  return (await revokePendingInvitation({ funderId }, invitationId, actorUserId)) ? "revoked" : "missing";
}

const STAFF_PROGRAM_LIMIT = 200;

/**
 * The staff workspace: the funders the user works for and their programs, newest first. One query for the
 * funders and one for all their programs (with the pool summed in SQL), grouped per funder here.
 */
export async function listStaffWorkspace(funderIds: number[]) {
  if (funderIds.length === 0) return [];
  const [funders, programs] = await Promise.all([
    db()
      .selectFrom("funder")
      .select(funderColumns)
      .where("funder.id", "in", funderIds)
      .orderBy("funder.name")
      .limit(funderIds.length)
      .execute(),
    db()
      .selectFrom("program")
      .select((eb) => [
        "program.id",
        "program.funderId",
        "program.code",
        "program.title",
        "program.status",
        "program.opensAt",
        "program.closesAt",
        eb
          .selectFrom("fundingSource")
          .select((sub) => sub.fn.coalesce(sub.fn.sum<number>("fundingSource.amountFen"), sub.lit(0)).as("pool"))
          .whereRef("fundingSource.programId", "=", "program.id")
          .as("poolFen"),
        eb
          .selectFrom("programCategory")
          .select(eb.fn.countAll<number>().as("n"))
          .whereRef("programCategory.programId", "=", "program.id")
          .as("categoryCount"),
        // Proposals the program has received: submitted at some point and not withdrawn (drafts are private).
        eb
          .selectFrom("proposal")
          .select(eb.fn.countAll<number>().as("n"))
          .whereRef("proposal.programId", "=", "program.id")
          .where("proposal.status", "not in", ["draft", "withdrawn"])
          .as("proposalCount"),
      ])
      .where("program.funderId", "in", funderIds)
      .orderBy("program.createdAt", "desc")
      .orderBy("program.id", "desc")
      .limit(STAFF_PROGRAM_LIMIT)
      .execute(),
  ]);
  return funders.map((funder) => ({
    ...funder,
    programs: programs
      .filter((program) => program.funderId === funder.id)
      .map((program) => ({
        ...program,
        poolFen: Number(program.poolFen ?? 0),
        categoryCount: Number(program.categoryCount ?? 0),
        proposalCount: Number(program.proposalCount ?? 0),
      })),
  }));
}
