// A compact before/after diff of an audit event for the log table: only the fields that changed, at most a few
// lines. Events store before and after as JSON text (or null). The values stay as stored; audit-fields.ts says how
// each one reads.

export interface DiffLine {
  field: string;
  /** Absent when the event has no "before" (a creation); null when that side lacks the field. */
  before?: unknown;
  /** Absent when the event has no "after" (a removal). */
  after?: unknown;
}

export interface CompactDiff {
  lines: DiffLine[];
  /** How many changed fields did not fit. */
  hidden: number;
}

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

export function auditDiff(beforeJson: string | null, afterJson: string | null, maxLines = 6): CompactDiff {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  const fields = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
  const lines: DiffLine[] = [];
  for (const field of fields) {
    const old = before?.[field] ?? null;
    const now = after?.[field] ?? null;
    if (before && after && JSON.stringify(old) === JSON.stringify(now)) continue;
    lines.push({ field, ...(before ? { before: old } : {}), ...(after ? { after: now } : {}) });
  }
  return { lines: lines.slice(0, maxLines), hidden: Math.max(0, lines.length - maxLines) };
}
