// How the fields of an audit event read in the log, in the reader's language: a label for each field the
// dictionary knows (admin:auditFields), and each value formatted by what it holds. The kind of value is told by the
// field's name (…Fen money in fen, …At an instant, …On a calendar date, …Bp a share in basis points) or, for codes,
// by the record type (a proposal's "status" reads proposals:status.<code>); lists (a program's focus areas, funding
// sources, tranches) read item by item, by record type and field. Anything unknown, or stored in another shape,
// shows as stored, so a newly audited field or an old event never breaks the page.
import type { TFunction } from "i18next";
import { z } from "zod";
import { applicantKindLabel, costCategoryLabel, targetGroupLabel } from "~/features/proposals/labels";
import { formatDate, formatFen, formatInstant, formatList, formatShare } from "~/lib/format";
import type { CompactDiff } from "./audit-diff";

export interface AuditChangeLine {
  /** The stored field name, kept for a tooltip: admins reading the log against the data need it. */
  field: string;
  label: string;
  before?: string;
  after?: string;
}

export interface AuditChanges {
  lines: AuditChangeLine[];
  hidden: number;
}

const MAX_VALUE_LENGTH = 60;
/** Read text wraps at its separators, so a list may take a few lines of the cell where stored JSON may not. */
const MAX_LIST_LENGTH = 120;

/** Where the labels of coded values live, by record type and field. */
const codeLabels: Record<string, Record<string, string>> = {
  proposal: { status: "proposals:status" },
  program: { status: "programs:status" },
  funder: { kind: "funders:kind" },
  organization: { kind: "organizations:kind", orgType: "organizations:orgType" },
  organization_member: { role: "organizations:role" },
  invitation: { kind: "admin:auditValues.invitationKind" },
  user: { reason: "admin:auditValues.adminReason" },
};

type ValueKind = "money" | "instant" | "date" | "share";

/** Fields whose name does not follow the suffix convention. */
const kindByField: Record<string, ValueKind> = { lockedUntil: "instant" };

const kindBySuffix: [suffix: string, kind: ValueKind][] = [
  ["Fen", "money"],
  ["At", "instant"],
  ["On", "date"],
  ["Bp", "share"],
];

function valueKind(field: string): ValueKind | undefined {
  return kindByField[field] ?? kindBySuffix.find(([suffix]) => field.endsWith(suffix))?.[1];
}

/** Only a plain code or field name may become part of a key: a stored "a.b" would name a whole group of labels. */
const CODE = /^[a-z][a-z0-9_]*$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function truncate(text: string, max = MAX_VALUE_LENGTH): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The value as stored: text as it is, anything else as JSON, shortened to fit a table cell. */
export function rawAuditValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return truncate(typeof value === "string" ? value : JSON.stringify(value));
}

/** Formats by kind when the value has the expected shape; otherwise undefined, and the raw value shows. */
function formatByKind(kind: ValueKind | undefined, value: unknown, language: string): string | undefined {
  switch (kind) {
    case "money":
      return typeof value === "number" && Number.isInteger(value) ? formatFen(value, language) : undefined;
    case "share":
      return typeof value === "number" && Number.isFinite(value) ? formatShare(value, language) : undefined;
    case "instant":
      return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? formatInstant(value, language) : undefined;
    case "date":
      return typeof value === "string" && DATE.test(value) ? formatDate(value, language) : undefined;
    default:
      return undefined;
  }
}

/** The label of a code from a group of labels; an unknown code reads as itself. */
function codeLabel(group: string, code: string, t: TFunction): string {
  return t(`${group}.${code}`, { defaultValue: code });
}

type ListReader = (value: unknown, t: TFunction, language: string) => string | undefined;

/**
 * A list as text that fits a table cell: shortened by whole items, saying how many there are in all, rather than
 * cut inside a name.
 */
function listText(items: readonly string[], t: TFunction, language: string): string {
  if (items.length === 0) return t("admin:auditLists.none");
  const whole = formatList(items, language);
  if (whole.length <= MAX_LIST_LENGTH) return whole;
  for (let shown = items.length - 1; shown > 0; shown -= 1) {
    const list = formatList(items.slice(0, shown), language);
    const text = t("admin:auditLists.more", { list, total: items.length, rest: items.length - shown });
    if (text.length <= MAX_LIST_LENGTH) return text;
  }
  return truncate(whole, MAX_LIST_LENGTH);
}

/** Reads a list item by item when it has the schema's shape; otherwise undefined, and the raw value shows. */
function listOf<T>(
  schema: z.ZodType<readonly T[]>,
  item: (entry: T, t: TFunction, language: string) => string,
): ListReader {
  return (value, t, language) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return undefined;
    const items = parsed.data.map((entry) => item(entry, t, language));
    return listText(items, t, language);
  };
}

const Code = z.string().regex(CODE);

/** How the list fields of a record read, by record type and field (their shapes: auditSnapshot in programs.server). */
const listFields: Record<string, Record<string, ListReader>> = {
  program: {
    prohibitedCategories: listOf(z.array(Code), costCategoryLabel),
    eligibleKinds: listOf(z.array(Code), applicantKindLabel),
    categories: listOf(z.array(z.object({ name: z.string(), quota: z.number().int().nullable() })), (area, t) =>
      area.quota === null ? area.name : t("admin:auditLists.focusArea", { name: area.name, quota: area.quota }),
    ),
    targetGroups: listOf(z.array(z.object({ code: Code, name: z.string().nullable() })), targetGroupLabel),
    fundingSources: listOf(
      z.array(z.object({ name: z.string(), kind: Code, amountFen: z.number().int() })),
      (source, t, language) =>
        t("admin:auditLists.fundingSource", {
          name: source.name,
          amount: formatFen(source.amountFen, language),
          kind: codeLabel("programs:catalogue.fundingSourceKind", source.kind, t),
        }),
    ),
    // The plan's preset only names a common set of tranches, which the tranches themselves already say.
    tranchePlan: listOf(
      z
        .object({ tranches: z.array(z.object({ shareBp: z.number().int(), gate: Code })) })
        .transform((plan) => plan.tranches),
      (tranche, t, language) =>
        t("admin:auditLists.tranche", {
          share: formatShare(tranche.shareBp, language),
          gate: codeLabel("programs:catalogue.trancheGate", tranche.gate, t),
        }),
    ),
  },
};

/** Own entries only: a stored field named "constructor" must not find Object's. */
function listReader(entityType: string, field: string): ListReader | undefined {
  const fields = Object.hasOwn(listFields, entityType) ? listFields[entityType] : undefined;
  return fields && Object.hasOwn(fields, field) ? fields[field] : undefined;
}

/** Record types whose own feature labels their fields: the log reads them from there rather than from a copy. */
const fieldLabelsOf: Record<string, string> = { organization: "organizations:fields", funder: "funders:fields" };

export function auditFieldLabel(field: string, entityType: string, t: TFunction): string {
  if (!CODE.test(field)) return field;
  // A field can mean something else on one record type ("name" is a person's name on a user).
  const specific = CODE.test(entityType) ? t(`admin:auditFieldsFor.${entityType}.${field}`, { defaultValue: "" }) : "";
  const owners = fieldLabelsOf[entityType];
  const owned = owners ? t(`${owners}.${field}`, { defaultValue: "" }) : "";
  return specific || owned || t(`admin:auditFields.${field}`, { defaultValue: field });
}

export function auditFieldValue(
  field: string,
  value: unknown,
  entityType: string,
  t: TFunction,
  language: string,
): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return t(value ? "admin:audit.yes" : "admin:audit.no");
  const formatted = formatByKind(valueKind(field), value, language);
  if (formatted !== undefined) return formatted;
  const codes = codeLabels[entityType]?.[field];
  if (codes && typeof value === "string" && CODE.test(value)) return codeLabel(codes, value, t);
  return listReader(entityType, field)?.(value, t, language) ?? rawAuditValue(value);
}

export function describeAuditChanges(
  diff: CompactDiff,
  entityType: string,
  t: TFunction,
  language: string,
): AuditChanges {
  const show = (field: string, value: unknown) => auditFieldValue(field, value, entityType, t, language);
  return {
    hidden: diff.hidden,
    lines: diff.lines.map(({ field, before, after }) => ({
      field,
      label: auditFieldLabel(field, entityType, t),
      ...(before !== undefined ? { before: show(field, before) } : {}),
      ...(after !== undefined ? { after: show(field, after) } : {}),
    })),
  };
}
