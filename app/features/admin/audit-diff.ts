// A compact before/after diff of an audit event for the log table: only the fields that changed, each value
// shortened, at most a few lines. Events store before and after as JSON text (or null).

export interface DiffLine {
  field: string;
  /** Absent when the event has no "before" (a creation); "—" stands for null. */
  before?: string;
  /** Absent when the event has no "after" (a removal). */
  after?: string;
}

export interface CompactDiff {
  lines: DiffLine[];
  /** How many changed fields did not fit. */
  hidden: number;
}

const MAX_VALUE_LENGTH = 60;

function parse(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = json;
  }
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : { value };
}

export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

export function auditDiff(beforeJson: string | null, afterJson: string | null, maxLines = 6): CompactDiff {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  const fields = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
  const lines: DiffLine[] = [];
  for (const field of fields) {
    const old = before?.[field];
    const now = after?.[field];
    if (before && after && JSON.stringify(old) === JSON.stringify(now)) continue;
    lines.push({
      field,
      ...(before ? { before: formatAuditValue(old) } : {}),
      ...(after ? { after: formatAuditValue(now) } : {}),
    });
  }
  return { lines: lines.slice(0, maxLines), hidden: Math.max(0, lines.length - maxLines) };
}
