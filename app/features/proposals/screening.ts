// The manager's side of proposals: which screening decisions (资格审查) a proposal's state allows, read from the
// proposal lifecycle; who may see a program's proposals and who may decide; and how the proposal list reads its
// filters and sort order from the query string (a GET form, so a bad value is ignored rather than refused).
import { z } from "zod";
import { isFunderStaff } from "~/features/programs/permissions";
import type { Actor } from "~/lib/actor.server";
import { nextStatus, type ProposalEvent, type ProposalStatus, proposalStatuses } from "./proposal-lifecycle";

// ---- decisions ----

export const screeningDecisions = ["eligible", "ineligible", "returned"] as const;
export type ScreeningDecision = (typeof screeningDecisions)[number];

const decisionEvents: Record<ScreeningDecision, ProposalEvent> = {
  eligible: "markEligible",
  ineligible: "markIneligible",
  returned: "return",
};

export function screeningEvent(decision: ScreeningDecision): ProposalEvent {
  return decisionEvents[decision];
}

/** The state the decision leads to, or null when the proposal's state does not allow it. */
export function statusAfterScreening(status: string, decision: ScreeningDecision): ProposalStatus | null {
  return nextStatus(status, screeningEvent(decision));
}

/** The decisions the proposal's current state allows, in the order the page offers them. */
export function allowedScreeningDecisions(status: string): ScreeningDecision[] {
  return screeningDecisions.filter((decision) => statusAfterScreening(status, decision) !== null);
}

export function isScreeningDecision(value: string): value is ScreeningDecision {
  return (screeningDecisions as readonly string[]).includes(value);
}

export const SCREENING_COMMENT_MAX_LENGTH = 2000;

const optionalNote = z.string().trim().max(SCREENING_COMMENT_MAX_LENGTH).default("");
const requiredText = (message: string) =>
  z
    .string()
    .default("")
    .transform((value) => value.trim())
    .pipe(z.string().min(1, message).max(SCREENING_COMMENT_MAX_LENGTH));

/**
 * The three screening forms of the manager's proposal page, told apart by `intent`. An ineligible decision needs
 * the reason the applicant will read; a return needs the comment the applicant revises by.
 */
export const ScreeningSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("eligible"), comment: optionalNote }),
  z.object({ intent: z.literal("ineligible"), comment: requiredText("proposals:manage.screen.reasonRequired") }),
  z.object({ intent: z.literal("returned"), comment: requiredText("proposals:manage.screen.commentRequired") }),
]);
export type ScreeningInput = z.output<typeof ScreeningSchema>;

// ---- who ----

type Who = Pick<Actor, "funderIds" | "isPlatformAdmin">;

/** The program's funder staff see its handed-in proposals; the platform admin may look, for support. */
export function canViewProgramProposals(actor: Who, program: { funderId: number }): boolean {
  return isFunderStaff(actor, program.funderId) || actor.isPlatformAdmin;
}

/** Only the funder's own staff decide; the platform admin does not act for a funder. */
export function canScreenProposals(actor: Who, program: { funderId: number }): boolean {
  return isFunderStaff(actor, program.funderId);
}

// ---- the list's filters ----

/** Managers never see drafts: a proposal appears in the list once it has been handed in. */
export type ManagerVisibleStatus = Exclude<ProposalStatus, "draft">;
export const managerVisibleStatuses = proposalStatuses.filter(
  (status): status is ManagerVisibleStatus => status !== "draft",
);

function isManagerVisibleStatus(value: string): value is ManagerVisibleStatus {
  return (managerVisibleStatuses as readonly string[]).includes(value);
}

export const proposalSortKeys = ["submitted", "grant", "total", "title", "number"] as const;
export type ProposalSortKey = (typeof proposalSortKeys)[number];
export type SortDirection = "asc" | "desc";

/** Amounts and dates read best largest / newest first; titles and numbers in their natural order. */
export function defaultDirection(sort: ProposalSortKey): SortDirection {
  return sort === "title" || sort === "number" ? "asc" : "desc";
}

export const PROPOSAL_LIST_PAGE_SIZE = 25;
const SEARCH_MAX_LENGTH = 100;
const COMMUNITY_MAX_LENGTH = 100;

export interface ProposalListFilters {
  status: ManagerVisibleStatus | null;
  focusAreaId: number | null;
  targetGroupId: number | null;
  community: string | null;
  /** Text searched in the title and the organisation's name. */
  q: string;
  sort: ProposalSortKey;
  direction: SortDirection;
}

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const trimmed = (max: number) =>
  z
    .string()
    .transform((value) => value.trim().slice(0, max))
    .catch("");

const FiltersSchema = z.object({
  status: z.string().nullable().catch(null),
  focusArea: id.nullable().catch(null),
  targetGroup: id.nullable().catch(null),
  community: trimmed(COMMUNITY_MAX_LENGTH),
  q: trimmed(SEARCH_MAX_LENGTH),
  sort: z.enum(proposalSortKeys).catch("submitted"),
  dir: z.enum(["asc", "desc"]).nullable().catch(null),
});

/** Reads the list's filters from the query string; a missing, empty or unknown value means "not filtered". */
export function parseListFilters(params: URLSearchParams): ProposalListFilters {
  const read = (name: string) => {
    const value = params.get(name);
    return value === null || value.trim() === "" ? null : value;
  };
  const raw = FiltersSchema.parse({
    status: read("status"),
    focusArea: read("focusArea"),
    targetGroup: read("targetGroup"),
    community: read("community") ?? "",
    q: read("q") ?? "",
    sort: read("sort"),
    dir: read("dir"),
  });
  return {
    status: raw.status !== null && isManagerVisibleStatus(raw.status) ? raw.status : null,
    focusAreaId: raw.focusArea,
    targetGroupId: raw.targetGroup,
    community: raw.community === "" ? null : raw.community,
    q: raw.q,
    sort: raw.sort,
    direction: raw.dir ?? defaultDirection(raw.sort),
  };
}

/** The query string for the filters (defaults left out), so links and exports carry exactly what is filtered. */
export function filtersToSearchParams(filters: ProposalListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.focusAreaId !== null) params.set("focusArea", String(filters.focusAreaId));
  if (filters.targetGroupId !== null) params.set("targetGroup", String(filters.targetGroupId));
  if (filters.community !== null) params.set("community", filters.community);
  if (filters.q !== "") params.set("q", filters.q);
  if (filters.sort !== "submitted") params.set("sort", filters.sort);
  if (filters.direction !== defaultDirection(filters.sort)) params.set("dir", filters.direction);
  return params;
}

/** The filters with the list sorted by `sort`: a second click on the current column reverses it. */
export function sortedBy(filters: ProposalListFilters, sort: ProposalSortKey): ProposalListFilters {
  const direction = filters.sort === sort ? (filters.direction === "asc" ? "desc" : "asc") : defaultDirection(sort);
  return { ...filters, sort, direction };
}

/** How many handed-in proposals are in each state. */
export type StatusCounts = Partial<Record<string, number>>;

/** How many handed-in proposals the counts by status add up to. */
export function receivedCount(counts: StatusCounts): number {
  return Object.values(counts).reduce<number>((sum, n) => sum + (n ?? 0), 0);
}

/** How many proposals the list holds under a status tab (null: the "all" tab), from the counts by status. */
export function totalUnderStatus(counts: StatusCounts, status: string | null): number {
  return status === null ? receivedCount(counts) : (counts[status] ?? 0);
}

/** Whether a filter other than the status narrows the list: its tabs then count only what those filters match. */
export function narrowsBeyondStatus(filters: ProposalListFilters): boolean {
  return hasNarrowingFilters({ ...filters, status: null });
}

export function hasNarrowingFilters(filters: ProposalListFilters): boolean {
  return (
    filters.status !== null ||
    filters.focusAreaId !== null ||
    filters.targetGroupId !== null ||
    filters.community !== null ||
    filters.q !== ""
  );
}
