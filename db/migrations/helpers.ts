// Helpers for migrations that must run on SQLite and PostgreSQL alike. Frozen with the migrations:
// change a helper only by adding a new one, never by editing what an applied migration used.
import { type CreateTableBuilder, type Kysely, PostgresAdapter } from "kysely";

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An integer identity primary key: AUTOINCREMENT on SQLite, a generated identity on PostgreSQL. */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn("id", "integer", (col) => col.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn("id", "integer", (col) => col.primaryKey().autoIncrement());
}

/** Money is integer fen; bigint on both (pg returns it as a number through the int8 parser set in db/connection). */
export const moneyType = "bigint" as const;
