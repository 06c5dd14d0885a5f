// Data access for the manager's side of proposals: the program's proposal list (filters, sort, counts by status),
// one proposal with its versions, screening history and audit trail, and the screening decision itself (one
// transaction that re-checks the state through the proposal lifecycle, with its audit event and the emails to the
// applicant's members, delivered after the commit).
import type { Params } from "@remix-run/react";
import { sql } from "kysely";
import { LRUCache } from "lru-cache";
import { requireActor } from "~/lib/actor.server";
import { recordAudit } from "~/lib/audit.server";
import { db, type Executor, isPostgres } from "~/lib/db.server";
import { enqueueEmail, flushOutbox } from "~/lib/mail.server";
import { assertFound, idParam, notFound } from "~/lib/http";
import { type Param, preparedQueries, preparedQuery } from "~/lib/prepared-query.server";
import { containsPattern, matchesPattern } from "~/lib/search";
import { nowIso } from "~/lib/time";
import type { ProposalStatus } from "./proposal-lifecycle";
import {
  canViewProgramProposals,
  isScreeningDecision,
  narrowsBeyondStatus,
  type ProposalListFilters,
  type ProposalSortKey,
  receivedCount,
  type ScreeningDecision,
  type StatusCounts,
  statusAfterScreening,
  totalUnderStatus,
} from "./screening";
import { findProposalAccess } from "./proposals.server";
import type { ProposalSnapshot } from "./snapshot";

// ---- who may open the manager's pages ----

/**
 * The first steps of the program's proposal list and its exports: who is asking, which program, may they. A
 * program whose proposals the actor may not see answers 404, as the program's other staff pages do.
 */
export async function requireProgramProposalsAccess(request: Request, params: Params) {
  const actor = await requireActor(request);
  const programId = idParam(params.programId);
  const found = assertFound(await findProgramForList(programId));
  if (!canViewProgramProposals(actor, found.program)) notFound();
  return { actor, ...found };
}

/**
 * The program as its proposal list needs it, with its focus areas and target groups for the filters. One query
 * (the program's columns repeated beside each focus area and each target group) instead of three: the list is the
 * page the funder's staff open most. It has no LIMIT because the program form bounds its rows (MAX_CATEGORIES focus
 * areas, the standard target groups and MAX_CUSTOM_TARGET_GROUPS of the program's own), and because SQLite took
 * three times as long over this UNION ALL with one (0.2 ms against 0.07 ms, measured in the server).
 */
const programForListQuery = preparedQuery((param: Param<{ programId: number }>) =>
  db()
    .selectFrom("program")
    .leftJoin("programCategory", "programCategory.programId", "program.id")
    .select([
      "program.id",
      "program.funderId",
      "program.code",
      "program.title",
      "program.proposalTallyRevision",
      sql<"focusArea" | "targetGroup">`'focusArea'`.as("kind"),
      "programCategory.id as itemId",
      "programCategory.name as itemName",
      sql<string | null>`null`.as("itemCode"),
      "programCategory.position as itemPosition",
    ])
    .where("program.id", "=", param("programId"))
    .unionAll(
      db()
        .selectFrom("program")
        .innerJoin("programTargetGroup", "programTargetGroup.programId", "program.id")
        .select([
          "program.id",
          "program.funderId",
          "program.code",
          "program.title",
          "program.proposalTallyRevision",
          sql<"focusArea" | "targetGroup">`'targetGroup'`.as("kind"),
          "programTargetGroup.id as itemId",
          "programTargetGroup.name as itemName",
          "programTargetGroup.code as itemCode",
          "programTargetGroup.position as itemPosition",
        ])
        .where("program.id", "=", param("programId")),
    ),
);

async function findProgramForList(programId: number) {
  const rows = await programForListQuery.execute(db(), { programId });
  const [first] = rows;
  if (!first) return undefined;
  const items = [...rows].sort((a, b) => (a.itemPosition ?? 0) - (b.itemPosition ?? 0));
  return {
    program: {
      id: first.id,
      funderId: first.funderId,
      code: first.code,
      title: first.title,
      proposalTallyRevision: first.proposalTallyRevision,
    },
    categories: items.flatMap((row) =>
      row.kind === "focusArea" && row.itemId !== null && row.itemName !== null
        ? [{ id: row.itemId, name: row.itemName }]
        : [],
    ),
    targetGroups: items.flatMap((row) =>
      row.kind === "targetGroup" && row.itemId !== null && row.itemCode !== null
        ? [{ id: row.itemId, code: row.itemCode, name: row.itemName }]
        : [],
    ),
  };
}

/** The same for one proposal: the program's staff (and the admin) see it once it has been handed in. */
export async function requireManagerProposal(request: Request, params: Params) {
  const actor = await requireActor(request);
  const proposal = assertFound(await findProposalAccess(idParam(params.proposalId)));
  if (!canViewProgramProposals(actor, proposal) || proposal.currentVersion === 0) notFound();
  return { actor, proposal };
}

// ---- the program's proposal list ----

const sortColumns = {
  submitted: "proposal.submittedAt",
  grant: "proposal.grantRequestedFen",
  total: "proposal.totalBudgetFen",
  title: "proposal.title",
  number: "proposal.submissionSequence",
} as const satisfies Record<ProposalSortKey, string>;

/**
 * What the filters narrow the list by, as its queries take it: each condition's value, or null where it is off, and
 * the search text as a LIKE pattern.
 */
interface ListConditions {
  programId: number;
  status: ProposalListFilters["status"];
  focusAreaId: number | null;
  community: string | null;
  targetGroupId: number | null;
  textPattern: string | null;
}

function listConditions(programId: number, filters: ProposalListFilters): ListConditions {
  const { status, focusAreaId, community, targetGroupId, q } = filters;
  return {
    programId,
    status,
    focusAreaId,
    community,
    targetGroupId,
    textPattern: q === "" ? null : containsPattern(q),
  };
}

/**
 * The program's handed-in proposals narrowed by the conditions. Every query starts from the program (an index range
 * on program_id); drafts never submitted are not the manager's to see. The organisation is looked up only to search
 * its name, so counting the unsearched list reads the index alone.
 */
function filteredProposals(executor: Executor, conditions: ListConditions) {
  const { programId, status, focusAreaId, community, targetGroupId, textPattern } = conditions;
  let query = executor
    .selectFrom("proposal")
    .where("proposal.programId", "=", programId)
    .where("proposal.submittedAt", "is not", null);
  if (status !== null) query = query.where("proposal.status", "=", status);
  if (focusAreaId !== null) query = query.where("proposal.programCategoryId", "=", focusAreaId);
  if (community !== null) query = query.where("proposal.serviceCommunity", "=", community);
  if (targetGroupId !== null) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("proposalTargetGroup")
          .select("proposalTargetGroup.proposalId")
          .whereRef("proposalTargetGroup.proposalId", "=", "proposal.id")
          .where("proposalTargetGroup.programTargetGroupId", "=", targetGroupId),
      ),
    );
  }
  if (textPattern !== null) {
    // The organisations whose names match are found once, not looked up again for each proposal of the program.
    query = query.where((eb) =>
      eb.or([
        matchesPattern(executor, "proposal.title", textPattern),
        eb(
          "proposal.organizationId",
          "in",
          eb
            .selectFrom("organization")
            .select("organization.id")
            .where(matchesPattern(executor, "organization.name", textPattern)),
        ),
      ]),
    );
  }
  return query;
}

type ListOrder = Pick<ProposalListFilters, "sort" | "direction">;

function sorted(query: ReturnType<typeof filteredProposals>, order: ListOrder) {
  // The id breaks ties (equal amounts, titles), so pages never overlap or skip a row.
  return query.orderBy(sortColumns[order.sort], order.direction).orderBy("proposal.id", order.direction);
}

interface PageWindow {
  limit: number;
  offset: number;
}

function pageOfProposals(conditions: ListConditions, order: ListOrder, page: PageWindow) {
  return sorted(filteredProposals(db(), conditions), order)
    .innerJoin("organization", "organization.id", "proposal.organizationId")
    .leftJoin("programCategory", "programCategory.id", "proposal.programCategoryId")
    .select([
      "proposal.id",
      "proposal.number",
      "proposal.title",
      "proposal.status",
      "proposal.serviceCommunity",
      "proposal.grantRequestedFen",
      "proposal.totalBudgetFen",
      "proposal.submittedAt",
      "organization.name as organizationName",
      "programCategory.name as focusArea",
    ])
    .limit(page.limit)
    .offset(page.offset);
}

/** The query behind one page of the list, built anew: the exports add their columns to it. */
export function proposalPageQuery(programId: number, filters: ProposalListFilters, page: PageWindow) {
  return pageOfProposals(listConditions(programId, filters), filters, page);
}

/**
 * The same query for the list page, prepared once per shape: the conditions in use and the order decide the
 * query's text, and the values of the conditions and the page are its parameters.
 */
const preparedPageOfProposals = preparedQueries(
  ({ conditions, order }: { conditions: ListConditions; order: ListOrder }) =>
    [...Object.values(conditions).map((value) => (value === null ? "-" : "+")), order.sort, order.direction].join(""),
  ({ conditions, order }, param: Param<ListConditions & PageWindow>) => {
    const inUse = <K extends keyof ListConditions>(name: K & string) =>
      conditions[name] === null ? null : param(name);
    return pageOfProposals(
      {
        programId: param("programId"),
        status: inUse("status"),
        focusAreaId: inUse("focusAreaId"),
        community: inUse("community"),
        targetGroupId: inUse("targetGroupId"),
        textPattern: inUse("textPattern"),
      },
      order,
      { limit: param("limit"), offset: param("offset") },
    );
  },
);

function preparedProposalPage(programId: number, filters: ProposalListFilters, page: PageWindow) {
  const conditions = listConditions(programId, filters);
  return { query: preparedPageOfProposals({ conditions, order: filters }), values: { ...conditions, ...page } };
}

/** The list page's query as it runs (for the EXPLAIN test and the benchmark's plans). */
export function compileProposalPage(programId: number, filters: ProposalListFilters, page: PageWindow) {
  const { query, values } = preparedProposalPage(programId, filters, page);
  return query.compile(values);
}

function findProposalPage(programId: number, filters: ProposalListFilters, page: PageWindow) {
  const { query, values } = preparedProposalPage(programId, filters, page);
  return query.execute(db(), values);
}

/**
 * Handed-in proposals per state among those the other filters (focus area, target group, community, text) match:
 * what the status tabs count under a search (exported for the EXPLAIN test).
 */
export function filteredStatusCountsQuery(programId: number, filters: ProposalListFilters) {
  return filteredProposals(db(), { ...listConditions(programId, filters), status: null })
    .select(["proposal.status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("proposal.status");
}

/**
 * Handed-in proposals per state and community: one GROUP BY over a covering index gives both the counts by status
 * and the community filter's choices (exported for the EXPLAIN test).
 */
export function statusCommunityCountsQuery(programId: number) {
  return db()
    .selectFrom("proposal")
    .select(["proposal.status", "proposal.serviceCommunity", (eb) => eb.fn.countAll<number>().as("n")])
    .where("proposal.programId", "=", programId)
    .where("proposal.submittedAt", "is not", null)
    .groupBy(["proposal.status", "proposal.serviceCommunity"])
    .limit(20_000);
}

const MAX_COMMUNITY_CHOICES = 300;

/** How many handed-in proposals the program has in each state, and the communities they serve. */
export interface ProposalTally {
  counts: StatusCounts;
  communities: string[];
}

async function countStatusesAndCommunities(programId: number): Promise<ProposalTally> {
  const rows = await statusCommunityCountsQuery(programId).execute();
  const counts: StatusCounts = {};
  const communities = new Set<string>();
  for (const row of rows) {
    counts[row.status] = (counts[row.status] ?? 0) + Number(row.n);
    if (row.serviceCommunity !== "") communities.add(row.serviceCommunity);
  }
  return { counts, communities: [...communities].sort().slice(0, MAX_COMMUNITY_CHOICES) };
}

/** A program as the list reads it: the program and the revision of what its list counts, read with it. */
export interface TallyKey {
  id: number;
  proposalTallyRevision: number;
}

/**
 * Counts kept under the program's revision, which triggers move on every change to what the list counts or filters
 * by (migrations 15 and 17): a count is taken again only when its revision differs from the one it was kept under.
 * The revision is read before the count, so a kept count is never older than its revision. Concurrent readers share
 * one count, and a failed count is not kept. (Restoring the database from a backup calls for a restart, as it does
 * for sessions in flight: revisions may repeat.)
 */
function keptUnderRevision<T>(
  kept: LRUCache<string, Promise<T>>,
  program: TallyKey,
  what: string,
  count: () => Promise<T>,
): Promise<T> {
  const key = `${program.id}\u0000${program.proposalTallyRevision}\u0000${what}`;
  const counted = kept.get(key);
  if (counted) return counted;
  const counting = count();
  kept.set(key, counting);
  counting.catch(() => {
    if (kept.get(key) === counting) kept.delete(key);
  });
  return counting;
}

/** The tallies of the programs recently listed, and the counts by status under recent sets of filters. */
const tallies = new LRUCache<string, Promise<ProposalTally>>({ max: 500 });
const filteredStatusCounts = new LRUCache<string, Promise<StatusCounts>>({ max: 2_000 });

export function tallyProgramProposals(program: TallyKey): Promise<ProposalTally> {
  return keptUnderRevision(tallies, program, "", () => countStatusesAndCommunities(program.id));
}

/** The counts by status under the filters other than the status: paging or switching tabs counts once. */
function countStatusesUnderFilters(program: TallyKey, filters: ProposalListFilters): Promise<StatusCounts> {
  const { focusAreaId, targetGroupId, community, q } = filters;
  const what = JSON.stringify([focusAreaId, targetGroupId, community, q]);
  return keptUnderRevision(filteredStatusCounts, program, what, async () => {
    const rows = await filteredStatusCountsQuery(program.id, filters).execute();
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
  });
}

/**
 * One page of the list, the program's counts by status and its communities, the counts by status the tabs show
 * (the program's, unless a filter other than the status narrows the list) and how many rows the filters match.
 */
export async function listProgramProposals(program: TallyKey, filters: ProposalListFilters, page: PageWindow) {
  const [rows, { counts, communities }, narrowedCounts] = await Promise.all([
    findProposalPage(program.id, filters, page),
    tallyProgramProposals(program),
    narrowsBeyondStatus(filters) ? countStatusesUnderFilters(program, filters) : undefined,
  ]);
  const tabCounts = narrowedCounts ?? counts;
  return { rows, counts, tabCounts, communities, total: totalUnderStatus(tabCounts, filters.status) };
}

/** For the program's manage page: proposals received, and how many of them wait for a screening decision. */
export async function summarizeProgramProposals(program: TallyKey) {
  const { counts } = await tallyProgramProposals(program);
  return { received: receivedCount(counts), awaitingScreening: counts.submitted ?? 0 };
}

/** Rows written per round trip while exporting, and the most one export carries. */
export const EXPORT_BATCH_SIZE = 1_000;
export const EXPORT_MAX_ROWS = 20_000;

/**
 * One batch of the filtered list in its order, with the budget totals by funding source. Self-raised and partner
 * amounts are summed from the budget lines in SQL, per proposal through the budget lines' proposal index; grant
 * and total are the proposal's own columns.
 */
async function exportBatch(programId: number, filters: ProposalListFilters, offset: number, limit: number) {
  const sumOfSource = (source: string) =>
    sql<
      number | string
    >`(select coalesce(sum(budget_line.amount_fen), 0) from budget_line where budget_line.proposal_id = proposal.id and budget_line.funding_source = ${source})`;
  const rows = await proposalPageQuery(programId, filters, { limit, offset })
    .select([
      "proposal.currentVersion",
      "organization.kind as organizationKind",
      "organization.uscc as organizationUscc",
      sumOfSource("self_raised").as("selfRaisedFen"),
      sumOfSource("partner_match").as("partnerMatchFen"),
    ])
    .execute();
  // PostgreSQL returns sums of bigint as numeric strings; the exports want numbers.
  return rows.map((row) => ({
    ...row,
    selfRaisedFen: Number(row.selfRaisedFen),
    partnerMatchFen: Number(row.partnerMatchFen),
  }));
}

export type ExportRow = Awaited<ReturnType<typeof exportBatch>>[number];

/** The filtered list for the CSV and XLSX exports, read in batches so a large program never sits in memory whole. */
export async function* exportProgramProposals(
  programId: number,
  filters: ProposalListFilters,
): AsyncGenerator<ExportRow[]> {
  for (let offset = 0; offset < EXPORT_MAX_ROWS; offset += EXPORT_BATCH_SIZE) {
    const rows = await exportBatch(programId, filters, offset, Math.min(EXPORT_BATCH_SIZE, EXPORT_MAX_ROWS - offset));
    if (rows.length > 0) yield rows;
    if (rows.length < EXPORT_BATCH_SIZE) return;
  }
}

// ---- one proposal, for the manager ----

/** The organisation as the funder sees it: registration, rating and contact, never the bank account. */
export async function findApplicantOrganization(organizationId: number) {
  return db()
    .selectFrom("organization")
    .select([
      "id",
      "kind",
      "name",
      "uscc",
      "orgType",
      "district",
      "street",
      "community",
      "sponsorCommunity",
      "filingNumber",
      "responsiblePerson",
      "contactName",
      "contactPhone",
      "address",
      "registeredOn",
      "rating",
      "ratingExpiresOn",
    ])
    .where("id", "=", organizationId)
    .executeTakeFirst();
}

const MAX_VERSIONS_SHOWN = 30;

/** Every frozen version, newest first, with its content (the page compares consecutive versions). */
export async function listVersionSnapshots(proposalId: number) {
  const rows = await db()
    .selectFrom("proposalVersion")
    .innerJoin("user", "user.id", "proposalVersion.createdBy")
    .select([
      "proposalVersion.version",
      "proposalVersion.reason",
      "proposalVersion.createdAt",
      "proposalVersion.snapshot",
      "user.name as createdByName",
    ])
    .where("proposalVersion.proposalId", "=", proposalId)
    .orderBy("proposalVersion.version", "desc")
    .limit(MAX_VERSIONS_SHOWN)
    .execute();
  return rows.map(({ snapshot, ...version }) => {
    const content: ProposalSnapshot = JSON.parse(snapshot);
    return { ...version, content };
  });
}

export async function listScreenings(proposalId: number) {
  const rows = await db()
    .selectFrom("proposalScreening")
    .innerJoin("user", "user.id", "proposalScreening.decidedBy")
    .select([
      "proposalScreening.id",
      "proposalScreening.version",
      "proposalScreening.decision",
      "proposalScreening.comment",
      "proposalScreening.decidedAt",
      "user.name as decidedByName",
    ])
    .where("proposalScreening.proposalId", "=", proposalId)
    .orderBy("proposalScreening.decidedAt", "desc")
    .orderBy("proposalScreening.id", "desc")
    .limit(50)
    .execute();
  return rows.flatMap((row) => (isScreeningDecision(row.decision) ? [{ ...row, decision: row.decision }] : []));
}

/**
 * The latest screening decision with its reason or comment, for the applicant's pages: an ineligible proposal says
 * why, a returned one says what to revise.
 */
export async function findLatestScreening(proposalId: number) {
  const [latest] = await listScreenings(proposalId);
  return latest
    ? { decision: latest.decision, comment: latest.comment, decidedAt: latest.decidedAt, version: latest.version }
    : null;
}

function statusChange(json: string | null): string | null {
  if (!json) return null;
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed && typeof parsed === "object" && "status" in parsed && typeof parsed.status === "string")
      return parsed.status;
  } catch {
    // An unreadable payload shows no status change; the action and time still show.
  }
  return null;
}

/** The proposal's audit trail, newest first: its own events and those of its attachments. */
export async function listProposalAudit(proposalId: number) {
  const attachmentIds = (
    await db().selectFrom("attachment").select("id").where("proposalId", "=", proposalId).limit(200).execute()
  ).map((row) => row.id);
  const rows = await db()
    .selectFrom("auditEvent")
    .leftJoin("user", "user.id", "auditEvent.actorUserId")
    .select([
      "auditEvent.id",
      "auditEvent.at",
      "auditEvent.action",
      "auditEvent.before",
      "auditEvent.after",
      "user.name as actorName",
    ])
    .where((eb) => {
      const own = eb.and([eb("auditEvent.entityType", "=", "proposal"), eb("auditEvent.entityId", "=", proposalId)]);
      if (attachmentIds.length === 0) return own;
      return eb.or([
        own,
        eb.and([eb("auditEvent.entityType", "=", "attachment"), eb("auditEvent.entityId", "in", attachmentIds)]),
      ]);
    })
    .orderBy("auditEvent.at", "desc")
    .orderBy("auditEvent.id", "desc")
    .limit(100)
    .execute();
  return rows.map(({ before, after, ...event }) => ({
    ...event,
    statusBefore: statusChange(before),
    statusAfter: statusChange(after),
  }));
}

// ---- screening ----

export interface ScreeningEmailFacts {
  decision: ScreeningDecision;
  comment: string;
  number: string;
  title: string;
  programTitle: string;
  organizationName: string;
  proposalId: number;
}

export type ComposeScreeningEmail = (
  facts: ScreeningEmailFacts,
  recipientLocale: string | null,
) => { subject: string; text: string };

export type ScreenResult =
  | { ok: true; status: ProposalStatus }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "notAllowedInState"; status: string };

const auditActions: Record<ScreeningDecision, string> = {
  eligible: "proposal.marked_eligible",
  ineligible: "proposal.marked_ineligible",
  returned: "proposal.returned",
};

export interface ScreenInput {
  proposalId: number;
  funderId: number;
  userId: number;
  decision: ScreeningDecision;
  comment: string;
  composeEmail: ComposeScreeningEmail;
}

/**
 * Records a screening decision: inside one transaction the proposal's current state is read again (locked on
 * PostgreSQL) and checked against the lifecycle, so two managers deciding at once cannot both win; then the status,
 * the decision with its reason or comment, the audit event and one email per member of the applicant organisation
 * are written. A refused decision writes nothing. The emails leave after the commit.
 */
export async function screenProposal(input: ScreenInput): Promise<ScreenResult> {
  const result = await db()
    .transaction()
    .execute((trx) => screenProposalIn(trx, input));
  if (result.ok) await flushOutbox();
  return result;
}

/** screenProposal inside the caller's transaction: the emails wait in the outbox until the caller flushes it. */
export async function screenProposalIn(trx: Executor, input: ScreenInput): Promise<ScreenResult> {
  let query = trx
    .selectFrom("proposal")
    .innerJoin("program", "program.id", "proposal.programId")
    .innerJoin("organization", "organization.id", "proposal.organizationId")
    .select([
      "proposal.id",
      "proposal.status",
      "proposal.number",
      "proposal.title",
      "proposal.currentVersion",
      "proposal.organizationId",
      "program.title as programTitle",
      "organization.name as organizationName",
    ])
    .where("proposal.id", "=", input.proposalId)
    .where("program.funderId", "=", input.funderId);
  if (isPostgres(trx)) query = query.forUpdate("proposal");
  const proposal = await query.executeTakeFirst();
  if (!proposal) return { ok: false, reason: "notFound" };
  const status = statusAfterScreening(proposal.status, input.decision);
  if (!status) return { ok: false, reason: "notAllowedInState", status: proposal.status };
  const now = nowIso();
  await trx.updateTable("proposal").set({ status, updatedAt: now }).where("id", "=", proposal.id).execute();
  await trx
    .insertInto("proposalScreening")
    .values({
      proposalId: proposal.id,
      version: proposal.currentVersion,
      decision: input.decision,
      comment: input.comment,
      decidedBy: input.userId,
      decidedAt: now,
    })
    .execute();
  await recordAudit(trx, {
    actorUserId: input.userId,
    action: auditActions[input.decision],
    entityType: "proposal",
    entityId: proposal.id,
    funderId: input.funderId,
    organizationId: proposal.organizationId,
    before: { status: proposal.status },
    after: { status, version: proposal.currentVersion, comment: input.comment },
  });
  const members = await trx
    .selectFrom("organizationMember")
    .innerJoin("user", "user.id", "organizationMember.userId")
    .select(["user.email", "user.locale"])
    .where("organizationMember.organizationId", "=", proposal.organizationId)
    .orderBy("user.id")
    .limit(50)
    .execute();
  const facts: ScreeningEmailFacts = {
    decision: input.decision,
    comment: input.comment,
    number: proposal.number ?? "",
    title: proposal.title,
    programTitle: proposal.programTitle,
    organizationName: proposal.organizationName,
    proposalId: proposal.id,
  };
  for (const member of members) {
    await enqueueEmail(trx, { to: member.email, ...input.composeEmail(facts, member.locale) });
  }
  return { ok: true, status };
}
