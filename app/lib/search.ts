// A case-insensitive "contains" filter for search boxes that behaves the same on SQLite and PostgreSQL. What the
// user types is matched literally: % and _ are escaped rather than treated as wildcards.
import { type RawBuilder, sql, type SqlBool } from "kysely";
import { type Executor, isPostgres } from "./db.server";

/**
 * SQLite's LIKE already ignores the case of ASCII letters, as its lower() does (neither folds other letters), so it
 * needs no lower() on each row; PostgreSQL's LIKE is case-sensitive and its ILIKE is the case-insensitive one.
 */
export function containsText(executor: Executor, column: string, query: string): RawBuilder<SqlBool> {
  const pattern = `%${query.replace(/[!%_]/g, (char) => `!${char}`)}%`;
  return isPostgres(executor)
    ? sql<SqlBool>`${sql.ref(column)} ilike ${pattern} escape '!'`
    : sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '!'`;
}

/** The trimmed search text from ?q=, bounded so a long query string cannot become a long pattern. */
export function searchFromUrl(url: URL): string {
  return (url.searchParams.get("q") ?? "").trim().slice(0, 100);
}
