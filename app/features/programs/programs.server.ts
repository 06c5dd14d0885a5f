// Data access for programs: the public lists, a program with its focus areas, target groups and funding sources,
// and the writes (create, edit, status change), each one transaction with its audit event.
import type { ExpressionBuilder } from "kysely";
import { z } from "zod";
import { recordAudit } from "~/lib/audit.server";
import { type Database, db, type Executor } from "~/lib/db.server";
import { shanghaiYear } from "~/lib/local-time";
import { nowIso } from "~/lib/time";
import { applicantKinds, costCategories, fundingSourceKinds, ratings } from "./catalogues";
import { checkTransition, isProgramEditable, type ProgramStatus, programStatuses } from "./program-lifecycle";
import { type ProgramInput, ProgramFormSchema, programToFormValues, type RowsInUse } from "./schemas";
import { parseTranchePlan, serializeTranchePlan } from "./tranche-plan";

/** The pool: what the program's funding sources add up to, summed in SQL. */
function poolFen(eb: ExpressionBuilder<Database, "program">) {
  return eb
    .selectFrom("fundingSource")
    .select((sub) => sub.fn.coalesce(sub.fn.sum<number>("fundingSource.amountFen"), sub.lit(0)).as("total"))
    .whereRef("fundingSource.programId", "=", "program.id");
}

function publicProgramsQuery(now: string) {
  return db()
    .selectFrom("program")
    .innerJoin("funder", "funder.id", "program.funderId")
    .where("program.status", "=", "open")
    .where("program.closesAt", ">", now);
}

/** Published calls a visitor can see: open now, or opening later; soonest first. */
export async function listPublicPrograms({ limit, offset = 0 }: { limit: number; offset?: number }) {
  const rows = await publicProgramsQuery(nowIso())
    .select((eb) => [
      "program.id",
      "program.title",
      "program.summary",
      "program.opensAt",
      "program.closesAt",
      "program.grantMinFen",
      "program.grantMaxFen",
      "funder.name as funderName",
      poolFen(eb).as("poolFen"),
    ])
    .orderBy("program.opensAt", "asc")
    .orderBy("program.id", "asc")
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((row) => ({ ...row, poolFen: Number(row.poolFen ?? 0) }));
}

export async function countPublicPrograms(): Promise<number> {
  const row = await publicProgramsQuery(nowIso())
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findFunderName(funderId: number) {
  return db().selectFrom("funder").select(["id", "name"]).where("id", "=", funderId).executeTakeFirst();
}

const jsonList = <T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values));

/** A program with everything on it, JSON columns decoded; undefined when there is no such program. */
async function readProgramDetail(executor: Executor, programId: number) {
  const row = await executor
    .selectFrom("program")
    .innerJoin("funder", "funder.id", "program.funderId")
    .selectAll("program")
    .select((eb) => ["funder.name as funderName", poolFen(eb).as("poolFen")])
    .where("program.id", "=", programId)
    .executeTakeFirst();
  if (!row) return undefined;
  const [categories, targetGroups, fundingSources] = await Promise.all([
    executor
      .selectFrom("programCategory")
      .select(["id", "name", "quota"])
      .where("programId", "=", programId)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    executor
      .selectFrom("programTargetGroup")
      .select(["id", "code", "name"])
      .where("programId", "=", programId)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    executor
      .selectFrom("fundingSource")
      .select(["name", "kind", "amountFen"])
      .where("programId", "=", programId)
      .orderBy("position")
      .orderBy("id")
      .execute(),
  ]);
  return {
    id: row.id,
    funderId: row.funderId,
    funderName: row.funderName,
    code: row.code,
    status: z.enum(programStatuses).parse(row.status),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    /** The revision of the manager's tally of its proposals (see tallyProgramProposals). */
    proposalTallyRevision: row.proposalTallyRevision,
    poolFen: Number(row.poolFen ?? 0),
    title: row.title,
    summary: row.summary,
    description: row.description,
    categories,
    targetGroups,
    fundingSources: fundingSources.map((source) => ({
      ...source,
      kind: z.enum(fundingSourceKinds).parse(source.kind),
    })),
    grantMinFen: row.grantMinFen,
    grantMaxFen: row.grantMaxFen,
    filedTeamGrantMaxFen: row.filedTeamGrantMaxFen,
    maxGrantShareBp: row.maxGrantShareBp,
    personnelCapBp: row.personnelCapBp,
    managementCapBp: row.managementCapBp,
    prohibitedCategories: jsonList(costCategories).parse(JSON.parse(row.prohibitedCategories)),
    proposalsPerOrg: row.proposalsPerOrg,
    eligibleKinds: jsonList(applicantKinds).parse(JSON.parse(row.eligibleKinds)),
    minRating: z.enum(ratings).nullable().parse(row.minRating),
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    implementationStartsOn: row.implementationStartsOn,
    implementationEndsOn: row.implementationEndsOn,
    noticeWorkingDays: row.noticeWorkingDays,
    tranchePlan: parseTranchePlan(row.tranchePlan),
  } satisfies ProgramInput & Record<string, unknown>;
}

export type ProgramDetail = NonNullable<Awaited<ReturnType<typeof readProgramDetail>>>;

export function findProgramDetail(programId: number) {
  return readProgramDetail(db(), programId);
}

/** The program's own columns from the form's program (children are written separately). */
function programColumns(input: ProgramInput) {
  return {
    title: input.title,
    summary: input.summary,
    description: input.description,
    grantMinFen: input.grantMinFen,
    grantMaxFen: input.grantMaxFen,
    filedTeamGrantMaxFen: input.filedTeamGrantMaxFen,
    maxGrantShareBp: input.maxGrantShareBp,
    personnelCapBp: input.personnelCapBp,
    managementCapBp: input.managementCapBp,
    prohibitedCategories: JSON.stringify(input.prohibitedCategories),
    proposalsPerOrg: input.proposalsPerOrg,
    eligibleKinds: JSON.stringify(input.eligibleKinds),
    minRating: input.minRating,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    implementationStartsOn: input.implementationStartsOn,
    implementationEndsOn: input.implementationEndsOn,
    noticeWorkingDays: input.noticeWorkingDays,
    tranchePlan: serializeTranchePlan(input.tranchePlan),
  };
}

/**
 * Raised inside a transaction when an edit removes a focus area or target group that proposals still use. It names
 * the rows so the form can put them back; `inUse` is empty when only the database's foreign key caught it (a
 * proposal chose the row after the check).
 */
export class ProgramRowInUseError extends Error {
  constructor(readonly inUse: RowsInUse = { categories: [], targetGroups: [] }) {
    super("A focus area or target group removed by the edit is used by proposals");
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = "code" in error ? error.code : undefined;
  return code === "23503" || code === "SQLITE_CONSTRAINT_FOREIGNKEY";
}

async function deleteRows(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    throw isForeignKeyViolation(error) ? new ProgramRowInUseError() : error;
  }
}

// Focus areas and target groups are updated in place (matched by row id, standard groups by code) because
// proposals point at them; a removed row that a proposal uses stops the edit. Funding sources are referenced by
// nothing and are simply replaced.
async function writeChildren(trx: Executor, programId: number, input: ProgramInput): Promise<void> {
  const [categories, groups] = await Promise.all([
    trx.selectFrom("programCategory").select(["id", "name", "quota"]).where("programId", "=", programId).execute(),
    trx.selectFrom("programTargetGroup").select(["id", "code", "name"]).where("programId", "=", programId).execute(),
  ]);

  const keptCategories = new Set<number>();
  const postedIds = new Set(input.categories.map((row) => row.id));
  // A row removed and typed in again under the same name is the same focus area: it keeps its id (and proposals).
  const retyped = (name: string) =>
    categories.find((c) => c.name === name && !postedIds.has(c.id) && !keptCategories.has(c.id))?.id ?? null;
  for (const [position, row] of input.categories.entries()) {
    const id =
      row.id !== null && categories.some((c) => c.id === row.id) && !keptCategories.has(row.id)
        ? row.id
        : retyped(row.name);
    const values = { name: row.name, quota: row.quota, position };
    if (id === null)
      await trx
        .insertInto("programCategory")
        .values({ programId, ...values })
        .execute();
    else {
      keptCategories.add(id);
      await trx.updateTable("programCategory").set(values).where("id", "=", id).execute();
    }
  }
  const removedCategories = categories.map((c) => c.id).filter((id) => !keptCategories.has(id));

  const keptGroups = new Set<number>();
  for (const [position, row] of input.targetGroups.entries()) {
    const existing = groups.find(
      (g) => !keptGroups.has(g.id) && g.code === row.code && (row.id === null ? row.name === null : g.id === row.id),
    );
    const values = { code: row.code, name: row.name, position };
    if (!existing)
      await trx
        .insertInto("programTargetGroup")
        .values({ programId, ...values })
        .execute();
    else {
      keptGroups.add(existing.id);
      await trx.updateTable("programTargetGroup").set(values).where("id", "=", existing.id).execute();
    }
  }
  const removedGroups = groups.map((g) => g.id).filter((id) => !keptGroups.has(id));

  // In use by a proposal's rows or by a returned proposal's revision not yet handed in.
  const [usedCategories, usedGroups] = await Promise.all([
    removedCategories.length
      ? trx
          .selectFrom("proposal")
          .select("programCategoryId as id")
          .where("programCategoryId", "in", removedCategories)
          .union(
            trx
              .selectFrom("proposalRevision")
              .select("programCategoryId as id")
              .where("programCategoryId", "in", removedCategories),
          )
          .execute()
      : [],
    removedGroups.length
      ? trx
          .selectFrom("proposalTargetGroup")
          .select("programTargetGroupId as id")
          .where("programTargetGroupId", "in", removedGroups)
          .union(
            trx
              .selectFrom("proposalRevisionTargetGroup")
              .select("programTargetGroupId as id")
              .where("programTargetGroupId", "in", removedGroups),
          )
          .execute()
      : [],
  ]);
  if (usedCategories.length || usedGroups.length) {
    const used = (row: { id: number }, usedRows: { id: number | null }[]) => usedRows.some((u) => u.id === row.id);
    throw new ProgramRowInUseError({
      categories: categories.filter((row) => used(row, usedCategories)),
      targetGroups: groups.filter((row) => used(row, usedGroups)),
    });
  }
  if (removedCategories.length) {
    await deleteRows(() => trx.deleteFrom("programCategory").where("id", "in", removedCategories).execute());
  }
  if (removedGroups.length) {
    await deleteRows(() => trx.deleteFrom("programTargetGroup").where("id", "in", removedGroups).execute());
  }

  await trx.deleteFrom("fundingSource").where("programId", "=", programId).execute();
  await trx
    .insertInto("fundingSource")
    .values(input.fundingSources.map((source, position) => ({ programId, ...source, position })))
    .execute();
}

/** What the audit log keeps of a program: its content as stored, lists as lists, without row ids. */
function auditSnapshot(program: ProgramInput) {
  return {
    ...programColumns(program),
    prohibitedCategories: program.prohibitedCategories,
    eligibleKinds: program.eligibleKinds,
    tranchePlan: program.tranchePlan,
    categories: program.categories.map(({ name, quota }) => ({ name, quota })),
    targetGroups: program.targetGroups.map(({ code, name }) => ({ code, name })),
    fundingSources: program.fundingSources,
  };
}

/** Program codes read funder-year-sequence ("F3-2026-007"), the year in Beijing time. */
async function nextProgramCode(trx: Executor, funderId: number): Promise<string> {
  const prefix = `F${funderId}-${shanghaiYear(nowIso())}-`;
  const codes = await trx
    .selectFrom("program")
    .select("code")
    .where("funderId", "=", funderId)
    .where("code", "like", `${prefix}%`)
    .execute();
  const highest = codes.reduce((max, { code }) => Math.max(max, Number(code.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(highest + 1).padStart(3, "0")}`;
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = "code" in error ? error.code : undefined;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
}

/** Creates a draft program of the funder. Two managers creating at once may pick the same code: try again. */
export async function insertProgram({
  actorUserId,
  funderId,
  input,
}: {
  actorUserId: number;
  funderId: number;
  input: ProgramInput;
}): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db()
        .transaction()
        .execute(async (trx) => {
          const code = await nextProgramCode(trx, funderId);
          const stamp = nowIso();
          const { id } = await trx
            .insertInto("program")
            .values({ funderId, code, status: "draft", ...programColumns(input), createdAt: stamp, updatedAt: stamp })
            .returning("id")
            .executeTakeFirstOrThrow();
          await writeChildren(trx, id, input);
          await recordAudit(trx, {
            actorUserId,
            action: "program.created",
            entityType: "program",
            entityId: id,
            funderId,
            after: { code, status: "draft", ...auditSnapshot(input) },
          });
          return id;
        });
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

/**
 * Saves an edit, re-checking inside the transaction that the program may still be edited (its status may have
 * moved since the form was loaded). Throws ProgramRowInUseError when the edit removes a row proposals use.
 */
export async function updateProgram({
  actorUserId,
  programId,
  input,
}: {
  actorUserId: number;
  programId: number;
  input: ProgramInput;
}): Promise<"updated" | "notEditable"> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const before = await readProgramDetail(trx, programId);
      if (!before || !isProgramEditable(before.status)) return "notEditable";
      const result = await trx
        .updateTable("program")
        .set({ ...programColumns(input), updatedAt: nowIso() })
        .where("id", "=", programId)
        .where("status", "=", before.status)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return "notEditable";
      await writeChildren(trx, programId, input);
      await recordAudit(trx, {
        actorUserId,
        action: "program.updated",
        entityType: "program",
        entityId: programId,
        funderId: before.funderId,
        before: auditSnapshot(before),
        after: auditSnapshot(input),
      });
      return "updated";
    });
}

/** Proposals of any state in the program; the lifecycle keeps a program with proposals from going back to draft. */
export async function countProgramProposals(executor: Executor, programId: number): Promise<number> {
  const row = await executor
    .selectFrom("proposal")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("programId", "=", programId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Whether the stored program still passes every rule of the program form. */
export function isProgramComplete(program: ProgramInput): boolean {
  return ProgramFormSchema.safeParse(programToFormValues(program)).success;
}

export type StatusChangeResult = ReturnType<typeof checkTransition> | { ok: false; reason: "stale" };

/**
 * Moves a program to another status by the lifecycle table, in one transaction: the facts the preconditions need
 * are read inside it, the update only applies if the status is still the one checked, and the audit event is
 * written with it.
 */
export async function changeProgramStatus({
  actorUserId,
  programId,
  to,
}: {
  actorUserId: number;
  programId: number;
  to: ProgramStatus;
}): Promise<StatusChangeResult> {
  return db()
    .transaction()
    .execute(async (trx): Promise<StatusChangeResult> => {
      const program = await readProgramDetail(trx, programId);
      if (!program) return { ok: false, reason: "stale" };
      const check = checkTransition(program.status, to, {
        now: nowIso(),
        closesAt: program.closesAt,
        programComplete: isProgramComplete(program),
        proposalCount: await countProgramProposals(trx, programId),
      });
      if (!check.ok) return check;
      const result = await trx
        .updateTable("program")
        .set({ status: to, updatedAt: nowIso() })
        .where("id", "=", programId)
        .where("status", "=", program.status)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return { ok: false, reason: "stale" };
      await recordAudit(trx, {
        actorUserId,
        action: check.transition.action,
        entityType: "program",
        entityId: programId,
        funderId: program.funderId,
        before: { status: program.status },
        after: { status: to },
      });
      return check;
    });
}
