// Queries built and compiled once, then run with each run's values (app/lib/prepared-query.server.ts): each run gets
// its own values, a transaction's runs see its writes, a value Kysely would write into the SQL text is refused when
// the query is prepared, and the list page's prepared query is, for every shape, the query Kysely builds anew.
import { sql } from "kysely";
import { describe, expect, test } from "vitest";
import { type ProposalListFilters, managerVisibleStatuses, proposalSortKeys } from "~/features/proposals/screening";
import { compileProposalPage, proposalPageQuery } from "~/features/proposals/screening.server";
import { db } from "~/lib/db.server";
import { type Param, preparedQuery } from "~/lib/prepared-query.server";
import { createUser } from "../factories";

const userByEmail = preparedQuery((param: Param<{ email: string; minimumId: number }>) =>
  db()
    .selectFrom("user")
    .select(["user.id", "user.name"])
    .where("user.email", "=", param("email"))
    .where("user.id", ">=", param("minimumId")),
);

describe("a prepared query", () => {
  test("answers each run with that run's values", async () => {
    const first = await createUser(db(), { name: "甲" });
    const second = await createUser(db(), { name: "乙" });
    expect(await userByEmail.execute(db(), { email: first.email, minimumId: 0 })).toEqual([
      { id: first.id, name: "甲" },
    ]);
    expect(await userByEmail.execute(db(), { email: second.email, minimumId: 0 })).toEqual([
      { id: second.id, name: "乙" },
    ]);
    expect(await userByEmail.execute(db(), { email: second.email, minimumId: second.id + 1 })).toEqual([]);
  });

  test("runs inside a transaction and sees its writes", async () => {
    const email = `prepared-${process.pid}@example.cn`;
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          const user = await createUser(trx, { email, name: "丙" });
          expect(await userByEmail.execute(trx, { email, minimumId: 0 })).toEqual([{ id: user.id, name: "丙" }]);
          throw new Error("roll back");
        }),
    ).rejects.toThrow("roll back");
    expect(await userByEmail.execute(db(), { email, minimumId: 0 })).toEqual([]);
  });

  test("is refused when a value would be written into the SQL text, where no run could replace it", () => {
    const byColumn = preparedQuery((param: Param<{ column: string }>) =>
      db()
        .selectFrom("user")
        .select(sql.raw<string>(param("column")).as("picked")),
    );
    expect(() => byColumn.compile({ column: "email" })).toThrow("column did not become a parameter");
  });
});

const page = { limit: 25, offset: 50 };
const orders = proposalSortKeys.flatMap((sort) => (["asc", "desc"] as const).map((direction) => ({ sort, direction })));

/** Filters with those of the mask's bits in use, with one of two sets of values. */
function filtersFor(mask: number, order: (typeof orders)[number], variant: 0 | 1): ProposalListFilters {
  const on = (bit: number) => (mask & (1 << bit)) !== 0;
  return {
    status: on(0) ? (managerVisibleStatuses[variant] ?? null) : null,
    focusAreaId: on(1) ? 11 + variant : null,
    targetGroupId: on(2) ? 21 + variant : null,
    community: on(3) ? (["幸福社区", "南七社区"][variant] ?? null) : null,
    q: on(4) ? (["探访", "50%_!"][variant] ?? "") : "",
    ...order,
  };
}

test("the list page's prepared query is the query built anew, in each of its 320 shapes, with two sets of values", () => {
  for (let mask = 0; mask < 32; mask += 1) {
    for (const order of orders) {
      for (const variant of [0, 1] as const) {
        const filters = filtersFor(mask, order, variant);
        const prepared = compileProposalPage(7 + variant, filters, page);
        const built = proposalPageQuery(7 + variant, filters, page).compile();
        expect({ sql: prepared.sql, parameters: prepared.parameters }, JSON.stringify(filters)).toEqual({
          sql: built.sql,
          parameters: built.parameters,
        });
      }
    }
  }
});
