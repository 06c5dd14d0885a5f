// Opens the database named by a URL: a PostgreSQL pool for postgres:// URLs, otherwise a SQLite file.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from "kysely";
import { LRUCache } from "lru-cache";
import pg from "pg";
import type { Database } from "./schema";

const PG_INT8 = 20;
const PG_NUMERIC = 1700;
// Money is bigint fen and aggregates come back as int8/numeric; amounts stay far below 2^53, so plain numbers
// keep the JS types the same as on SQLite.
pg.types.setTypeParser(PG_INT8, (value) => Number(value));
pg.types.setTypeParser(PG_NUMERIC, (value) => Number(value));

export type DatabaseKind = "sqlite" | "postgres";

export function databaseKind(url: string): DatabaseKind {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "");
}

export function openSqlite(file: string): SQLite.Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return sqlite;
}

const STATEMENTS_KEPT = 500;

/**
 * The SQLite handle as Kysely sees it, with each SQL text prepared once and its statement kept for the next run.
 * Kysely's driver prepares every query afresh, and parsing and planning cost more than running most of our queries
 * (a third of the SQLite time of the manager's proposal list). Reuse is safe: Kysely runs one query at a time on
 * its single SQLite connection, and SQLite re-prepares a kept statement by itself after a schema change.
 */
export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new LRUCache<string, SQLite.Statement>({ max: STATEMENTS_KEPT });
  return {
    prepare(text) {
      let statement = statements.get(text);
      if (!statement) {
        statement = sqlite.prepare(text);
        statements.set(text, statement);
      }
      return statement;
    },
    close: () => sqlite.close(),
  };
}

function openPostgresPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection closed by the server (a restart, a failover) must not crash the process: the pool drops it
  // and opens a new one on the next query.
  pool.on("error", (error) => console.error("PostgreSQL idle connection lost:", error.message));
  return pool;
}

export function createDatabase(url: string): Kysely<Database> {
  const dialect =
    databaseKind(url) === "postgres"
      ? new PostgresDialect({ pool: openPostgresPool(url) })
      : new SqliteDialect({ database: withStatementCache(openSqlite(sqliteFilePath(url))) });
  return new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()] });
}
