// The process-wide database handle, opened lazily from DATABASE_URL (kept on globalThis across dev reloads).
import { type Kysely, PostgresAdapter } from "kysely";
import { createDatabase } from "~db/connection";
import type { Database } from "~db/schema";
import { env } from "./env.server";

const globalForDb = globalThis as typeof globalThis & { __portalDb?: Kysely<Database> };

export function db(): Kysely<Database> {
  globalForDb.__portalDb ??= createDatabase(env().DATABASE_URL);
  return globalForDb.__portalDb;
}

export type { Database };
/** A database handle or an open transaction: data functions accept either so callers can compose writes. */
export type Executor = Kysely<Database>;

/** Whether a handle runs on PostgreSQL: for the few places the dialects differ (row locks, some plans). */
export function isPostgres(executor: Executor): boolean {
  return executor.getExecutor().adapter instanceof PostgresAdapter;
}
