// A case-insensitive "contains" filter for search boxes that behaves the same on SQLite and PostgreSQL. What the
// user types is matched literally: % and _ are escaped rather than treated as wildcards.
import { type RawBuilder, sql, type SqlBool } from "kysely";
import { type Executor, isPostgres } from "./db.server";

/** The LIKE pattern that finds the text anywhere in a column, with the wildcards in the text escaped by "!". */
export function containsPattern(query: string): string {
  return `%${query.replace(/[!%_]/g, (char) => `!${char}`)}%`;
}

/**
 * The column matches a pattern from containsPattern, ignoring case. SQLite's LIKE already ignores the case of ASCII
 * letters, as its lower() does (neither folds other letters), so it needs no lower() on each row; PostgreSQL's LIKE
 * is case-sensitive and its ILIKE is the case-insensitive one.
 */
export function matchesPattern(executor: Executor, column: string, pattern: string): RawBuilder<SqlBool> {
  return isPostgres(executor)
    ? sql<SqlBool>`${sql.ref(column)} ilike ${pattern} escape '!'`
    : sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '!'`;
}

/** The column contains what the user typed, ignoring case. */
export function containsText(executor: Executor, column: string, query: string): RawBuilder<SqlBool> {
  return matchesPattern(executor, column, containsPattern(query));
}

/** The trimmed search text from ?q=, bounded so a long query string cannot become a long pattern. */
export function searchFromUrl(url: URL): string {
  return (url.searchParams.get("q") ?? "").trim().slice(0, 100);
}
