// A case-insensitive "contains" filter for search boxes that behaves the same on SQLite and PostgreSQL. What the
// user types is matched literally: % and _ are escaped rather than treated as wildcards.
import { type RawBuilder, sql, type SqlBool } from "kysely";

export function containsText(column: string, query: string): RawBuilder<SqlBool> {
  const escaped = query.toLowerCase().replace(/[!%_]/g, (char) => `!${char}`);
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${escaped}%`} escape '!'`;
}

/** The trimmed search text from ?q=, bounded so a long query string cannot become a long pattern. */
export function searchFromUrl(url: URL): string {
  return (url.searchParams.get("q") ?? "").trim().slice(0, 100);
}
