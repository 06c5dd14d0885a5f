// What changed between two frozen versions of a proposal (the manager's "what changed" after a resubmission):
// the text and basic fields, the target groups, the budget totals, and the added, removed and changed rows of the
// budget, milestones, impact targets, team and attachments. Rows carry no identity across versions (each save
// rewrites them), so they are matched by content: identical rows first, then rows with the same key (a budget line's
// category and item, a milestone's title, a target's indicator, a member's name) count as changed, and whatever is
// left was removed or added.
import type { FundingSource } from "./budget";
import { narrativeFields } from "./content";
import type { ProposalSnapshot } from "./snapshot";

export const diffedFields = [
  "title",
  "focusArea",
  "serviceCommunity",
  "startsOn",
  "endsOn",
  "expectedBeneficiaries",
  ...narrativeFields,
] as const;
export type DiffedField = (typeof diffedFields)[number];

export interface FieldChange {
  field: DiffedField;
  before: string | number | null;
  after: string | number | null;
}

export type TotalKey = "totalFen" | "grantRequestedFen" | FundingSource;

export interface TotalChange {
  total: TotalKey;
  beforeFen: number;
  afterFen: number;
}

type TargetGroup = ProposalSnapshot["targetGroups"][number];
export type BudgetLineRow = ProposalSnapshot["budgetLines"][number];
export type MilestoneRow = ProposalSnapshot["milestones"][number];
export type TargetRow = ProposalSnapshot["indicatorTargets"][number];
export type TeamRow = ProposalSnapshot["teamMembers"][number];
export type AttachmentRow = ProposalSnapshot["attachments"][number];

export interface RowChange<T> {
  before: T;
  after: T;
  fields: (keyof T & string)[];
}

export interface RowDiff<T> {
  added: T[];
  removed: T[];
  changed: RowChange<T>[];
}

export interface VersionDiff {
  fromVersion: number;
  toVersion: number;
  fields: FieldChange[];
  targetGroups: { added: TargetGroup[]; removed: TargetGroup[] };
  totals: TotalChange[];
  budgetLines: RowDiff<BudgetLineRow>;
  milestones: RowDiff<MilestoneRow>;
  indicatorTargets: RowDiff<TargetRow>;
  teamMembers: RowDiff<TeamRow>;
  attachments: RowDiff<AttachmentRow>;
}

function fieldValue(snapshot: ProposalSnapshot, field: DiffedField): string | number | null {
  return field === "focusArea" ? (snapshot.focusArea?.name ?? null) : snapshot[field];
}

function totalFen(snapshot: ProposalSnapshot, total: TotalKey): number {
  if (total === "totalFen" || total === "grantRequestedFen") return snapshot.totals[total];
  return snapshot.totals.bySource[total];
}

const totalKeys: TotalKey[] = ["totalFen", "grantRequestedFen", "self_raised", "partner_match"];

/** Structural equality for the plain JSON values a snapshot holds. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Matches two lists of rows: equal rows pair up as unchanged, then rows with equal keys (in order) as changed; the
 * rest are removed (only before) or added (only after). Only the listed fields are compared.
 */
export function diffRows<T extends object>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (row: T) => string,
  fields: readonly (keyof T & string)[],
): RowDiff<T> {
  const project = (row: T) => JSON.stringify(fields.map((field) => row[field]));
  const leftBefore = [...before];
  const leftAfter: T[] = [];
  for (const row of after) {
    const twin = leftBefore.findIndex((candidate) => project(candidate) === project(row));
    if (twin >= 0) leftBefore.splice(twin, 1);
    else leftAfter.push(row);
  }
  const changed: RowChange<T>[] = [];
  const added: T[] = [];
  for (const row of leftAfter) {
    const match = leftBefore.findIndex((candidate) => keyOf(candidate) === keyOf(row));
    if (match < 0) {
      added.push(row);
      continue;
    }
    const [previous] = leftBefore.splice(match, 1);
    if (previous === undefined) continue;
    changed.push({
      before: previous,
      after: row,
      fields: fields.filter((field) => !same(previous[field], row[field])),
    });
  }
  return { added, removed: leftBefore, changed };
}

const normalise = (text: string) => text.trim().replace(/\s+/g, " ");

const budgetLineFields = [
  "category",
  "item",
  "unitPriceFen",
  "quantityHundredths",
  "unit",
  "amountFen",
  "fundingSource",
  "basis",
] as const satisfies readonly (keyof BudgetLineRow)[];
const milestoneFields = ["title", "dueOn", "deliverable"] as const satisfies readonly (keyof MilestoneRow)[];
const targetFields = [
  "indicator",
  "customName",
  "customUnit",
  "targetValue",
  "split",
] as const satisfies readonly (keyof TargetRow)[];
const teamFields = ["name", "role", "qualification"] as const satisfies readonly (keyof TeamRow)[];
const attachmentFields = ["originalName", "sha256"] as const satisfies readonly (keyof AttachmentRow)[];

export function diffVersions(before: ProposalSnapshot, after: ProposalSnapshot): VersionDiff {
  const fields = diffedFields.flatMap((field): FieldChange[] => {
    const [from, to] = [fieldValue(before, field), fieldValue(after, field)];
    return from === to ? [] : [{ field, before: from, after: to }];
  });
  const groupIds = (snapshot: ProposalSnapshot) => new Set(snapshot.targetGroups.map((group) => group.id));
  const [beforeGroups, afterGroups] = [groupIds(before), groupIds(after)];
  const totals = totalKeys.flatMap((total): TotalChange[] => {
    const [beforeFen, afterFen] = [totalFen(before, total), totalFen(after, total)];
    return beforeFen === afterFen ? [] : [{ total, beforeFen, afterFen }];
  });
  return {
    fromVersion: before.version,
    toVersion: after.version,
    fields,
    targetGroups: {
      added: after.targetGroups.filter((group) => !beforeGroups.has(group.id)),
      removed: before.targetGroups.filter((group) => !afterGroups.has(group.id)),
    },
    totals,
    budgetLines: diffRows(
      before.budgetLines,
      after.budgetLines,
      (line) => `${line.category ?? ""}\u0000${normalise(line.item)}`,
      budgetLineFields,
    ),
    milestones: diffRows(
      before.milestones,
      after.milestones,
      (milestone) => normalise(milestone.title),
      milestoneFields,
    ),
    indicatorTargets: diffRows(
      before.indicatorTargets,
      after.indicatorTargets,
      (target) =>
        target.indicator === "custom" ? `custom\u0000${normalise(target.customName)}` : (target.indicator ?? ""),
      targetFields,
    ),
    teamMembers: diffRows(before.teamMembers, after.teamMembers, (member) => normalise(member.name), teamFields),
    attachments: diffRows(before.attachments, after.attachments, (attachment) => attachment.sha256, attachmentFields),
  };
}

function rowsChanged(diff: {
  added: readonly unknown[];
  removed: readonly unknown[];
  changed: readonly unknown[];
}): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length > 0;
}

export function hasChanges(diff: VersionDiff): boolean {
  return (
    diff.fields.length > 0 ||
    diff.targetGroups.added.length + diff.targetGroups.removed.length > 0 ||
    diff.totals.length > 0 ||
    [diff.budgetLines, diff.milestones, diff.indicatorTargets, diff.teamMembers, diff.attachments].some(rowsChanged)
  );
}
