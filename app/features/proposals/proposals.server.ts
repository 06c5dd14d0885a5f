// Data access for proposals: reading a proposal with its rows, creating and saving drafts (and a returned proposal's
// revision), submitting (rules re-checked inside the transaction, number assigned, content frozen as a version,
// receipt email) and withdrawing. Each state change is one transaction with its audit event. Names are stable: the
// manager side builds on them.
import { z } from "zod";
import { recordAudit } from "~/lib/audit.server";
import { db, type Executor, isPostgres } from "~/lib/db.server";
import { enqueueEmail, flushOutbox } from "~/lib/mail.server";
import { nowIso, todayInChina } from "~/lib/time";
import { budgetTotals, lineAmountFen } from "./budget";
import {
  contentToStored,
  type ProposalContent,
  proposalNumber,
  type StoredProposalRows,
  storedToContent,
} from "./content";
import { canTransition, isEditableStatus, nextStatus, statusesCountingTowardsLimit } from "./proposal-lifecycle";
import { buildSnapshot, type ProposalSnapshot } from "./snapshot";
import {
  type ApplicantFacts,
  checkSubmission,
  type ProgramRules,
  type RuleClock,
  type RuleError,
} from "./submission-rules";

// ---- programs, as proposals need them ----

const StringList = z.array(z.string()).catch([]);

function stringList(json: string): string[] {
  try {
    return StringList.parse(JSON.parse(json));
  } catch {
    return [];
  }
}

/**
 * The program's rules, focus areas and target groups. With `lock`, the program row is locked (PostgreSQL) so that
 * submissions to one program run one after another: the number sequence and the per-organisation limit are read
 * and written without a race. SQLite runs one write transaction at a time anyway.
 */
export async function findProgramForProposals(executor: Executor, programId: number, options: { lock?: boolean } = {}) {
  let query = executor
    .selectFrom("program")
    .innerJoin("funder", "funder.id", "program.funderId")
    .select([
      "program.id",
      "program.funderId",
      "program.code",
      "program.title",
      "program.status",
      "program.opensAt",
      "program.closesAt",
      "program.grantMinFen",
      "program.grantMaxFen",
      "program.filedTeamGrantMaxFen",
      "program.maxGrantShareBp",
      "program.personnelCapBp",
      "program.managementCapBp",
      "program.prohibitedCategories",
      "program.proposalsPerOrg",
      "program.eligibleKinds",
      "program.minRating",
      "program.implementationStartsOn",
      "program.implementationEndsOn",
      "funder.name as funderName",
    ])
    .where("program.id", "=", programId);
  if (options.lock && isPostgres(executor)) query = query.forUpdate("program");
  const program = await query.executeTakeFirst();
  if (!program) return undefined;
  const [categories, targetGroups] = await Promise.all([
    executor
      .selectFrom("programCategory")
      .select(["id", "name"])
      .where("programId", "=", programId)
      .orderBy("position")
      .limit(100)
      .execute(),
    executor
      .selectFrom("programTargetGroup")
      .select(["id", "code", "name"])
      .where("programId", "=", programId)
      .orderBy("position")
      .limit(100)
      .execute(),
  ]);
  const prohibitedCategories = stringList(program.prohibitedCategories);
  const eligibleKinds = stringList(program.eligibleKinds);
  const rules: ProgramRules = {
    ...program,
    prohibitedCategories,
    eligibleKinds,
    categoryIds: categories.map((category) => category.id),
    targetGroupIds: targetGroups.map((group) => group.id),
  };
  return { program: { ...program, prohibitedCategories, eligibleKinds }, rules, categories, targetGroups };
}

export type ProgramForProposals = NonNullable<Awaited<ReturnType<typeof findProgramForProposals>>>;

// ---- reading proposals ----

/** Holds the proposal row until the transaction ends (PostgreSQL; SQLite runs one write transaction at a time). */
export async function lockProposalRow(executor: Executor, proposalId: number): Promise<void> {
  if (!isPostgres(executor)) return;
  await executor.selectFrom("proposal").select("id").where("id", "=", proposalId).forUpdate().execute();
}

/**
 * What permission checks need (whose proposal it is, which funder runs the program, its state), and what the
 * applicant's and the manager's pages show about it beside its content.
 */
export async function findProposalAccess(proposalId: number) {
  return db()
    .selectFrom("proposal")
    .innerJoin("program", "program.id", "proposal.programId")
    .select([
      "proposal.id",
      "proposal.programId",
      "proposal.organizationId",
      "program.funderId",
      "proposal.status",
      "proposal.number",
      "proposal.currentVersion",
      "proposal.updatedAt",
      "program.title as programTitle",
      "program.code as programCode",
    ])
    .where("proposal.id", "=", proposalId)
    .executeTakeFirst();
}

async function findProposalRow(executor: Executor, proposalId: number, options: { lock?: boolean } = {}) {
  let query = executor
    .selectFrom("proposal")
    .innerJoin("organization", "organization.id", "proposal.organizationId")
    .selectAll("proposal")
    .select([
      "organization.name as organizationName",
      "organization.kind as organizationKind",
      "organization.rating as organizationRating",
      "organization.ratingExpiresOn as organizationRatingExpiresOn",
    ])
    .where("proposal.id", "=", proposalId);
  if (options.lock && isPostgres(executor)) query = query.forUpdate("proposal");
  return query.executeTakeFirst();
}

async function loadStoredRows(
  executor: Executor,
  proposal: StoredProposalRows["proposal"] & { id: number },
): Promise<StoredProposalRows> {
  const proposalId = proposal.id;
  const [targetGroups, teamMembers, budgetLines, milestones, indicatorTargets] = await Promise.all([
    executor
      .selectFrom("proposalTargetGroup")
      .select("programTargetGroupId")
      .where("proposalId", "=", proposalId)
      .orderBy("programTargetGroupId")
      .limit(100)
      .execute(),
    executor
      .selectFrom("teamMember")
      .select(["name", "role", "qualification"])
      .where("proposalId", "=", proposalId)
      .orderBy("position")
      .limit(100)
      .execute(),
    executor
      .selectFrom("budgetLine")
      .select(["category", "item", "unitPriceFen", "quantityHundredths", "unit", "fundingSource", "basis"])
      .where("proposalId", "=", proposalId)
      .orderBy("position")
      .limit(200)
      .execute(),
    executor
      .selectFrom("milestone")
      .select(["title", "dueOn", "deliverable"])
      .where("proposalId", "=", proposalId)
      .orderBy("position")
      .limit(100)
      .execute(),
    executor
      .selectFrom("indicatorTarget")
      .select(["indicatorCode", "customName", "customUnit", "targetValue", "targetGroupSplit"])
      .where("proposalId", "=", proposalId)
      .orderBy("position")
      .limit(100)
      .execute(),
  ]);
  return {
    proposal,
    targetGroupIds: targetGroups.map((row) => row.programTargetGroupId),
    teamMembers,
    budgetLines,
    milestones,
    indicatorTargets,
  };
}

/** Whether the proposal has been handed in at least once: its columns and rows then hold the latest version. */
function wasHandedIn(proposal: { currentVersion: number }): boolean {
  return proposal.currentVersion > 0;
}

/**
 * The content the proposal's members work on: a returned proposal's revision when they have saved one, otherwise
 * what its columns and rows hold. `fromRevision` says which.
 */
async function loadWorkingContent(
  executor: Executor,
  proposal: StoredProposalRows["proposal"] & { id: number; status: string; currentVersion: number },
): Promise<{ content: ProposalContent; fromRevision: boolean }> {
  const revision =
    wasHandedIn(proposal) && isEditableStatus(proposal.status)
      ? await executor
          .selectFrom("proposalRevision")
          .select("content")
          .where("proposalId", "=", proposal.id)
          .executeTakeFirst()
      : undefined;
  if (revision) {
    // Written by writeRevision from contentToStored, so it has the shape storedToContent reads.
    const stored: StoredProposalRows = JSON.parse(revision.content);
    return { content: storedToContent(stored), fromRevision: true };
  }
  return { content: storedToContent(await loadStoredRows(executor, proposal)), fromRevision: false };
}

/** Attachments currently part of the proposal (removed ones stay only for the versions that listed them). */
export async function listAttachments(executor: Executor, proposalId: number) {
  return executor
    .selectFrom("attachment")
    .select(["id", "originalName", "mimeType", "sizeBytes", "sha256", "createdAt"])
    .where("proposalId", "=", proposalId)
    .where("removedAt", "is", null)
    .orderBy("createdAt")
    .orderBy("id")
    .limit(50)
    .execute();
}

/**
 * A proposal with its content, totals and attachments, for the organisation's pages. `withRevision` is for the
 * organisation's members: they read the revision they are working on (see loadWorkingContent); anyone else who may
 * open those pages (the funder's staff, the platform admin) reads what was handed in.
 */
export async function loadProposal(proposalId: number, { withRevision }: { withRevision: boolean }) {
  const proposal = await findProposalRow(db(), proposalId);
  if (!proposal) return undefined;
  const [content, attachments] = await Promise.all([
    withRevision
      ? loadWorkingContent(db(), proposal).then((working) => working.content)
      : loadStoredRows(db(), proposal).then(storedToContent),
    listAttachments(db(), proposalId),
  ]);
  return { proposal, content, totals: budgetTotals(content.budgetLines), attachments };
}

export type LoadedProposal = NonNullable<Awaited<ReturnType<typeof loadProposal>>>;

/** The organisation's proposals in the program that count against its limit, this one excluded. */
export async function countCountingProposals(
  executor: Executor,
  {
    programId,
    organizationId,
    excludeProposalId,
  }: { programId: number; organizationId: number; excludeProposalId?: number },
): Promise<number> {
  let query = executor
    .selectFrom("proposal")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("programId", "=", programId)
    .where("organizationId", "=", organizationId)
    .where("status", "in", statusesCountingTowardsLimit);
  if (excludeProposalId !== undefined) query = query.where("id", "!=", excludeProposalId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The user's organisations as applicants to one program: what the eligibility rules need (kind, rating, proposals
 * already counting against the limit) and an open draft or returned proposal to continue, if there is one.
 */
export async function listApplicantOptions(programId: number, organizationIds: number[]) {
  if (organizationIds.length === 0) return [];
  const [organizations, counts, openProposals] = await Promise.all([
    db()
      .selectFrom("organization")
      .select(["id", "name", "kind", "rating", "ratingExpiresOn"])
      .where("id", "in", organizationIds)
      .orderBy("name")
      .limit(100)
      .execute(),
    db()
      .selectFrom("proposal")
      .select(["organizationId", (eb) => eb.fn.countAll<number>().as("n")])
      .where("programId", "=", programId)
      .where("organizationId", "in", organizationIds)
      .where("status", "in", statusesCountingTowardsLimit)
      .groupBy("organizationId")
      .execute(),
    db()
      .selectFrom("proposal")
      .leftJoin("proposalRevision", "proposalRevision.proposalId", "proposal.id")
      .select((eb) => [
        "proposal.id",
        "proposal.organizationId",
        eb.fn.coalesce("proposalRevision.title", "proposal.title").as("title"),
        "proposal.status",
        "proposal.updatedAt",
      ])
      .where("proposal.programId", "=", programId)
      .where("proposal.organizationId", "in", organizationIds)
      .where("proposal.status", "in", ["draft", "returned"])
      .orderBy("proposal.updatedAt", "desc")
      .limit(100)
      .execute(),
  ]);
  return organizations.map((organization) => ({
    ...organization,
    countingProposals: Number(counts.find((row) => row.organizationId === organization.id)?.n ?? 0),
    openProposals: openProposals.filter((proposal) => proposal.organizationId === organization.id),
  }));
}

function applicantFacts(
  proposal: { organizationKind: string; organizationRating: string | null; organizationRatingExpiresOn: string | null },
  otherCountingProposals: number,
): ApplicantFacts {
  return {
    kind: proposal.organizationKind,
    rating: proposal.organizationRating,
    ratingExpiresOn: proposal.organizationRatingExpiresOn,
    otherCountingProposals,
  };
}

/**
 * What the submission rules are checked against: the program's rules, the organisation's facts (with its other
 * proposals counting against the limit) and the server clock; and the stored content. The edit form checks the
 * content it was just sent (so errors keep the form's row positions); the submission checks the stored content.
 */
export async function loadSubmissionContext(executor: Executor, proposalId: number, options: { lock?: boolean } = {}) {
  const proposal = await findProposalRow(executor, proposalId, options);
  if (!proposal) return undefined;
  const program = await findProgramForProposals(executor, proposal.programId, options);
  if (!program) return undefined;
  const [working, others] = await Promise.all([
    loadWorkingContent(executor, proposal),
    countCountingProposals(executor, {
      programId: proposal.programId,
      organizationId: proposal.organizationId,
      excludeProposalId: proposal.id,
    }),
  ]);
  const now = nowIso();
  const clock: RuleClock = { now, today: todayInChina(new Date(now)) };
  return {
    proposal,
    program,
    content: working.content,
    fromRevision: working.fromRevision,
    applicant: applicantFacts(proposal, others),
    clock,
  };
}

/**
 * The signed-in applicant's proposals across their organisations, most recently changed first. A returned
 * proposal shows the title and grant of the revision its members are working on.
 */
export async function listProposalsForOrganizations({
  organizationIds,
  limit,
  offset,
}: {
  organizationIds: number[];
  limit: number;
  offset: number;
}) {
  if (organizationIds.length === 0) return { rows: [], total: 0 };
  const base = db().selectFrom("proposal").where("proposal.organizationId", "in", organizationIds);
  const [rows, total] = await Promise.all([
    base
      .innerJoin("program", "program.id", "proposal.programId")
      .innerJoin("organization", "organization.id", "proposal.organizationId")
      .leftJoin("proposalRevision", "proposalRevision.proposalId", "proposal.id")
      .select((eb) => [
        "proposal.id",
        eb.fn.coalesce("proposalRevision.title", "proposal.title").as("title"),
        "proposal.number",
        "proposal.status",
        eb.fn.coalesce("proposalRevision.grantRequestedFen", "proposal.grantRequestedFen").as("grantRequestedFen"),
        "proposal.updatedAt",
        "proposal.submittedAt",
        "program.title as programTitle",
        "program.closesAt as programClosesAt",
        "organization.name as organizationName",
      ])
      .orderBy("proposal.updatedAt", "desc")
      .orderBy("proposal.id", "desc")
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function listProposalVersions(proposalId: number) {
  return db()
    .selectFrom("proposalVersion")
    .innerJoin("user", "user.id", "proposalVersion.createdBy")
    .select([
      "proposalVersion.version",
      "proposalVersion.reason",
      "proposalVersion.createdAt",
      "user.name as createdByName",
    ])
    .where("proposalVersion.proposalId", "=", proposalId)
    .orderBy("proposalVersion.version", "desc")
    .limit(100)
    .execute();
}

/** One frozen version's content, as written by submitProposal. */
export async function findProposalVersion(proposalId: number, version: number): Promise<ProposalSnapshot | undefined> {
  const row = await db()
    .selectFrom("proposalVersion")
    .select("snapshot")
    .where("proposalId", "=", proposalId)
    .where("version", "=", version)
    .executeTakeFirst();
  if (!row) return undefined;
  const snapshot: ProposalSnapshot = JSON.parse(row.snapshot);
  return snapshot;
}

// ---- writing ----

export interface NewDraftInput {
  programId: number;
  organizationId: number;
  funderId: number;
  userId: number;
}

/** Starts an empty draft in the organisation's name. Eligibility is checked by the caller (applicantErrors). */
export async function createDraft(input: NewDraftInput) {
  return db()
    .transaction()
    .execute((trx) => createDraftIn(trx, input));
}

// The *In functions below write inside the caller's transaction, for callers that compose several writes (the demo
// seed writes each proposal's whole history in its one transaction); they leave delivering the outbox to the caller.

export async function createDraftIn(trx: Executor, input: NewDraftInput) {
  const now = nowIso();
  const { id } = await trx
    .insertInto("proposal")
    .values({
      programId: input.programId,
      organizationId: input.organizationId,
      status: "draft",
      createdBy: input.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actorUserId: input.userId,
    action: "proposal.created",
    entityType: "proposal",
    entityId: id,
    funderId: input.funderId,
    organizationId: input.organizationId,
    after: { programId: input.programId },
  });
  return id;
}

async function replaceRows(trx: Executor, proposalId: number, stored: StoredProposalRows): Promise<void> {
  for (const table of ["proposalTargetGroup", "teamMember", "budgetLine", "milestone", "indicatorTarget"] as const) {
    await trx.deleteFrom(table).where("proposalId", "=", proposalId).execute();
  }
  await insertContentRows(trx, proposalId, stored);
}

/**
 * Inserts stored content's rows (target groups, team, budget lines with their amounts, milestones, targets) under a
 * proposal. Exported for the test factories, which build proposals in every state directly.
 */
export async function insertContentRows(trx: Executor, proposalId: number, stored: StoredProposalRows): Promise<void> {
  if (stored.targetGroupIds.length > 0) {
    await trx
      .insertInto("proposalTargetGroup")
      .values(stored.targetGroupIds.map((programTargetGroupId) => ({ proposalId, programTargetGroupId })))
      .execute();
  }
  const positioned = <T extends object>(rows: T[]) => rows.map((row, position) => ({ proposalId, position, ...row }));
  if (stored.teamMembers.length > 0) {
    await trx.insertInto("teamMember").values(positioned(stored.teamMembers)).execute();
  }
  if (stored.budgetLines.length > 0) {
    const lines = stored.budgetLines.map((line) => ({
      ...line,
      amountFen: lineAmountFen(line.unitPriceFen, line.quantityHundredths),
    }));
    await trx.insertInto("budgetLine").values(positioned(lines)).execute();
  }
  if (stored.milestones.length > 0) {
    await trx.insertInto("milestone").values(positioned(stored.milestones)).execute();
  }
  if (stored.indicatorTargets.length > 0) {
    await trx.insertInto("indicatorTarget").values(positioned(stored.indicatorTargets)).execute();
  }
}

/** Writes content into the proposal's columns and rows, with its budget totals, and returns the totals. */
async function writeContent(trx: Executor, proposalId: number, content: ProposalContent, savedAt: string) {
  const stored = contentToStored(content);
  const totals = budgetTotals(content.budgetLines);
  await trx
    .updateTable("proposal")
    .set({
      ...stored.proposal,
      grantRequestedFen: totals.grantRequestedFen,
      totalBudgetFen: totals.totalFen,
      updatedAt: savedAt,
    })
    .where("id", "=", proposalId)
    .execute();
  await replaceRows(trx, proposalId, stored);
  return totals;
}

/**
 * Keeps a returned proposal's content in its revision, and returns its budget totals. The proposal's row only
 * says when it was last changed.
 */
async function writeRevision(trx: Executor, proposalId: number, content: ProposalContent, savedAt: string) {
  const totals = budgetTotals(content.budgetLines);
  const revision = {
    title: content.title,
    grantRequestedFen: totals.grantRequestedFen,
    programCategoryId: content.programCategoryId,
    content: JSON.stringify(contentToStored(content)),
  };
  await trx
    .insertInto("proposalRevision")
    .values({ proposalId, ...revision })
    .onConflict((conflict) => conflict.column("proposalId").doUpdateSet(revision))
    .execute();
  await trx.deleteFrom("proposalRevisionTargetGroup").where("proposalId", "=", proposalId).execute();
  if (content.targetGroupIds.length > 0) {
    await trx
      .insertInto("proposalRevisionTargetGroup")
      .values(content.targetGroupIds.map((programTargetGroupId) => ({ proposalId, programTargetGroupId })))
      .execute();
  }
  await trx.updateTable("proposal").set({ updatedAt: savedAt }).where("id", "=", proposalId).execute();
  return totals;
}

export type SaveDraftResult = { ok: true; savedAt: string } | { ok: false; reason: "notFound" | "notEditable" };

export interface SaveDraftInput {
  proposalId: number;
  userId: number;
  content: ProposalContent;
  audit: boolean;
}

/**
 * Stores the form as the proposal's current content, in one transaction. A draft's content goes into the proposal's
 * columns, its rows (replaced, blank rows dropped) and the budget totals. A returned proposal's goes into its
 * revision: its columns and rows keep the version handed in, which the manager's list, counts and exports read,
 * until the revision is handed in. Only a draft or a returned proposal can be saved. Autosaves pass `audit: false`:
 * they run every half minute while someone types, and the audit log records decisions, not keystrokes; explicit
 * saves are recorded.
 */
export async function saveDraft(input: SaveDraftInput): Promise<SaveDraftResult> {
  return db()
    .transaction()
    .execute((trx) => saveDraftIn(trx, input));
}

export async function saveDraftIn(trx: Executor, input: SaveDraftInput): Promise<SaveDraftResult> {
  const proposal = await findProposalRow(trx, input.proposalId, { lock: true });
  if (!proposal) return { ok: false, reason: "notFound" };
  if (!isEditableStatus(proposal.status)) return { ok: false, reason: "notEditable" };
  const { content } = input;
  const savedAt = nowIso();
  const write = wasHandedIn(proposal) ? writeRevision : writeContent;
  const totals = await write(trx, input.proposalId, content, savedAt);
  if (input.audit) {
    await recordAudit(trx, {
      actorUserId: input.userId,
      action: "proposal.draft_saved",
      entityType: "proposal",
      entityId: input.proposalId,
      organizationId: proposal.organizationId,
      after: { title: content.title, grantRequestedFen: totals.grantRequestedFen, totalBudgetFen: totals.totalFen },
    });
  }
  return { ok: true, savedAt };
}

export interface ReceiptFacts {
  number: string;
  version: number;
  title: string;
  programTitle: string;
  organizationName: string;
  submittedAt: string;
  grantRequestedFen: number;
  totalBudgetFen: number;
}

export type SubmitResult =
  | { ok: true; number: string; version: number }
  | { ok: false; reason: "notFound" | "notSubmittable" }
  | { ok: false; reason: "rules"; errors: RuleError[] };

export interface SubmitInput {
  proposalId: number;
  user: { id: number; email: string };
  composeReceipt: (facts: ReceiptFacts) => { subject: string; text: string };
}

/**
 * Submits a draft (or resubmits a returned proposal): every rule is checked again inside the transaction, against
 * the server clock and the organisation's other proposals; on the first submission the proposal gets its number
 * (program code + sequence); the content is frozen as the next version; the receipt email goes to the outbox and
 * is delivered after the commit. A refusal writes nothing.
 */
export async function submitProposal(input: SubmitInput): Promise<SubmitResult> {
  const result = await db()
    .transaction()
    .execute((trx) => submitProposalIn(trx, input));
  if (result.ok) await flushOutbox();
  return result;
}

/** submitProposal inside the caller's transaction: the receipt waits in the outbox until the caller flushes it. */
export async function submitProposalIn(trx: Executor, input: SubmitInput): Promise<SubmitResult> {
  const context = await loadSubmissionContext(trx, input.proposalId, { lock: true });
  if (!context) return { ok: false, reason: "notFound" };
  const { proposal, program, content, clock } = context;
  const status = nextStatus(proposal.status, "submit");
  if (!status) return { ok: false, reason: "notSubmittable" };
  const errors = checkSubmission(content, program.rules, context.applicant, clock);
  if (errors.length > 0) return { ok: false, reason: "rules", errors };
  const now = clock.now;

  let { number, submissionSequence } = proposal;
  if (number === null) {
    const last = await trx
      .selectFrom("proposal")
      .select((eb) => eb.fn.max("submissionSequence").as("sequence"))
      .where("programId", "=", proposal.programId)
      .executeTakeFirstOrThrow();
    submissionSequence = Number(last.sequence ?? 0) + 1;
    number = proposalNumber(program.program.code, submissionSequence);
  }
  const version = proposal.currentVersion + 1;
  if (context.fromRevision) {
    await writeContent(trx, proposal.id, content, now);
    await trx.deleteFrom("proposalRevision").where("proposalId", "=", proposal.id).execute();
  }
  const attachments = await listAttachments(trx, proposal.id);
  const snapshot = buildSnapshot({
    number,
    version,
    submittedAt: now,
    program: { id: program.program.id, code: program.program.code, title: program.program.title },
    organization: { id: proposal.organizationId, name: proposal.organizationName, kind: proposal.organizationKind },
    categories: program.categories,
    targetGroups: program.targetGroups,
    content,
    attachments: attachments.map(({ createdAt: _uploadedAt, ...attachment }) => attachment),
  });
  await trx
    .insertInto("proposalVersion")
    .values({
      proposalId: proposal.id,
      version,
      snapshot: JSON.stringify(snapshot),
      reason: snapshot.reason,
      createdAt: now,
      createdBy: input.user.id,
    })
    .execute();
  await trx
    .updateTable("proposal")
    .set({ status, number, submissionSequence, currentVersion: version, submittedAt: now, updatedAt: now })
    .where("id", "=", proposal.id)
    .execute();
  await recordAudit(trx, {
    actorUserId: input.user.id,
    action: version === 1 ? "proposal.submitted" : "proposal.resubmitted",
    entityType: "proposal",
    entityId: proposal.id,
    funderId: program.program.funderId,
    organizationId: proposal.organizationId,
    before: { status: proposal.status },
    after: { status, number, version, grantRequestedFen: snapshot.totals.grantRequestedFen },
  });
  const receipt = input.composeReceipt({
    number,
    version,
    title: content.title,
    programTitle: program.program.title,
    organizationName: proposal.organizationName,
    submittedAt: now,
    grantRequestedFen: snapshot.totals.grantRequestedFen,
    totalBudgetFen: snapshot.totals.totalFen,
  });
  await enqueueEmail(trx, { to: input.user.email, ...receipt });
  return { ok: true, number, version };
}

export type WithdrawResult = { ok: true } | { ok: false; reason: "notFound" | "notWithdrawable" };

/** Withdraws a proposal before any award decision; the number and versions stay for the record. */
export async function withdrawProposal(input: { proposalId: number; userId: number }): Promise<WithdrawResult> {
  return db()
    .transaction()
    .execute(async (trx): Promise<WithdrawResult> => {
      const proposal = await findProposalRow(trx, input.proposalId, { lock: true });
      if (!proposal) return { ok: false, reason: "notFound" };
      if (!canTransition(proposal.status, "withdraw")) return { ok: false, reason: "notWithdrawable" };
      const now = nowIso();
      await trx
        .updateTable("proposal")
        .set({ status: "withdrawn", withdrawnAt: now, updatedAt: now })
        .where("id", "=", proposal.id)
        .execute();
      // A withdrawn proposal is not edited again: edits not handed in go with it.
      await trx.deleteFrom("proposalRevision").where("proposalId", "=", proposal.id).execute();
      await recordAudit(trx, {
        actorUserId: input.userId,
        action: "proposal.withdrawn",
        entityType: "proposal",
        entityId: proposal.id,
        organizationId: proposal.organizationId,
        before: { status: proposal.status },
        after: { status: "withdrawn" },
      });
      return { ok: true };
    });
}
