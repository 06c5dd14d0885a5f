// How the fields of an audit event read in the log, in the reader's language: a label for each field the
// dictionary knows (admin:auditFields), and each value formatted by what it holds. The kind of value is told by the
// field's name (…Fen money in fen, …At an instant, …On a calendar date, …Bp a share in basis points) or, for codes,
// by the record type (a proposal's "status" reads proposals:status.<code>). Anything unknown shows as stored, so a
// newly audited field never breaks the page.
import type { TFunction } from "i18next";
import { formatDate, formatFen, formatInstant, formatShare } from "~/lib/format";
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

function truncate(text: string): string {
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
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
  if (codes && typeof value === "string" && CODE.test(value)) {
    return t(`${codes}.${value}`, { defaultValue: value });
  }
  return rawAuditValue(value);
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
