// The SQLite handle Kysely runs on keeps each prepared statement for the next run of the same SQL (db/connection.ts).
// These tests check that a kept statement is the same object, and that it still answers correctly after the schema
// changes under it, as it does when migrations run on the process's own handle.
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from "kysely";
import { describe, expect, test } from "vitest";
import { openSqlite, withStatementCache } from "../../db/connection";

describe("the SQLite statement cache", () => {
  test("prepares each SQL text once and hands back the same statement", () => {
    const database = withStatementCache(openSqlite(":memory:"));
    const first = database.prepare("select 1 as one");
    expect(database.prepare("select 1 as one")).toBe(first);
    expect(database.prepare("select 2 as two")).not.toBe(first);
    database.close();
  });

  test("a kept statement sees a column added after it was prepared", async () => {
    const kysely = new Kysely<{ note: { id: number; body: string; pinned?: number } }>({
      dialect: new SqliteDialect({ database: withStatementCache(openSqlite(":memory:")) }),
      plugins: [new CamelCasePlugin()],
    });
    await sql`create table note (id integer primary key, body text not null)`.execute(kysely);
    await kysely.insertInto("note").values({ id: 1, body: "第一条" }).execute();
    const readAll = () => kysely.selectFrom("note").selectAll().execute();
    expect(await readAll()).toEqual([{ id: 1, body: "第一条" }]);

    await sql`alter table note add column pinned integer not null default 0`.execute(kysely);
    expect(await readAll()).toEqual([{ id: 1, body: "第一条", pinned: 0 }]);
    await kysely.destroy();
  });

  test("a failed statement is not kept, so the corrected query runs", async () => {
    const database = withStatementCache(openSqlite(":memory:"));
    expect(() => database.prepare("select * from missing_table")).toThrow(/no such table/);
    database.prepare("create table missing_table (id integer primary key)").run([]);
    expect(database.prepare("select * from missing_table").all([])).toEqual([]);
    database.close();
  });
});
