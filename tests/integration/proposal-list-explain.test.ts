// The database work behind the manager's proposal list is served by indexes: on SQLite, EXPLAIN QUERY PLAN of the
// page and per-status count queries shows an index search of proposal (never a full scan of the table) and the
// default order read from an index (no sort); on PostgreSQL the same queries are explained without error (on tables
// this small the planner rightly prefers sequential scans, so its choice proves nothing there).
import { CompiledQuery, type Compilable } from "kysely";
import { beforeAll, describe, expect, test } from "vitest";
import { parseListFilters, PROPOSAL_LIST_PAGE_SIZE } from "~/features/proposals/screening";
import {
  compileProposalPage,
  filteredStatusCountsQuery,
  statusCommunityCountsQuery,
} from "~/features/proposals/screening.server";
import { db } from "~/lib/db.server";
import { testDbKind } from "../setup/databases";
import { createApplicant, createManager, createProgram, createProposal } from "../factories";

let programId: number;
let categoryId: number;
let targetGroupId: number;

beforeAll(async () => {
  const { funderId } = await createManager(db());
  const program = await createProgram(db(), { funderId });
  programId = program.id;
  categoryId = (
    await db().selectFrom("programCategory").select("id").where("programId", "=", programId).executeTakeFirstOrThrow()
  ).id;
  targetGroupId = (
    await db()
      .selectFrom("programTargetGroup")
      .select("id")
      .where("programId", "=", programId)
      .executeTakeFirstOrThrow()
  ).id;
  for (let i = 0; i < 12; i += 1) {
    const applicant = await createApplicant(db());
    await createProposal(db(), {
      programId,
      organizationId: applicant.organizationId,
      createdBy: applicant.user.id,
      status: i % 3 === 0 ? "eligible" : "submitted",
    });
  }
});

/** The plan of a query as the list runs it: prepared (already compiled) or built anew. */
async function plan(query: Compilable | CompiledQuery): Promise<string[]> {
  const compiled = "compile" in query ? query.compile() : query;
  const prefix = testDbKind === "postgres" ? "EXPLAIN " : "EXPLAIN QUERY PLAN ";
  const result = await db().executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]),
  );
  // SQLite answers rows with a `detail` column; PostgreSQL one `QUERY PLAN` line per row.
  return result.rows.map((row) => String(row.detail ?? row["QUERY PLAN"] ?? ""));
}

const page = { limit: PROPOSAL_LIST_PAGE_SIZE, offset: 0 };
const firstPage = () => parseListFilters(new URLSearchParams());
const filteredPage = () =>
  parseListFilters(new URLSearchParams({ status: "submitted", focusArea: String(categoryId), q: "探访" }));

const cases = [
  ["the first page", () => compileProposalPage(programId, firstPage(), page)],
  ["a page filtered by status, focus area and text", () => compileProposalPage(programId, filteredPage(), page)],
  ["that page's counts by status", () => filteredStatusCountsQuery(programId, filteredPage())],
  [
    "a page filtered by target group and community, sorted by grant",
    () =>
      compileProposalPage(
        programId,
        parseListFilters(
          new URLSearchParams({ targetGroup: String(targetGroupId), community: "南七街道幸福社区", sort: "grant" }),
        ),
        page,
      ),
  ],
  [
    "the counts by status under a target group",
    () =>
      filteredStatusCountsQuery(
        programId,
        parseListFilters(new URLSearchParams({ targetGroup: String(targetGroupId) })),
      ),
  ],
  [
    "the counts by status under a community",
    () =>
      filteredStatusCountsQuery(programId, parseListFilters(new URLSearchParams({ community: "南七街道幸福社区" }))),
  ],
  ["the counts by status and community", () => statusCommunityCountsQuery(programId)],
] as const;

describe.runIf(testDbKind === "sqlite")("SQLite query plans", () => {
  test.each(cases)("%s searches proposal through an index, never scanning the table", async (_what, query) => {
    const lines = await plan(query());
    const proposalSteps = lines.filter((line) => /\b(SCAN|SEARCH) proposal\b/.test(line));
    expect(proposalSteps.length, lines.join("\n")).toBeGreaterThan(0);
    for (const step of proposalSteps)
      expect(step, lines.join("\n")).toMatch(/^SEARCH proposal USING (COVERING )?INDEX proposal_\w+ \(program_id=\?/);
    // The organisation and the focus area of a row are looked up by primary key, one row each; a search for
    // organisation names reads the narrow index of the names, once for the whole query.
    for (const line of lines.filter((entry) => /\b(organization|program_category)\b/.test(entry))) {
      expect(line, lines.join("\n")).toMatch(
        /^(SEARCH \w+ USING INTEGER PRIMARY KEY|SCAN organization USING COVERING INDEX organization_name_idx)/,
      );
    }
  });

  test("a text search's counts by status read the index alone, in status order, matching organisation names in one list", async () => {
    const lines = await plan(filteredStatusCountsQuery(programId, filteredPage()));
    expect(lines.join("\n")).toMatch(
      /^SEARCH proposal USING COVERING INDEX proposal_program_category_status_idx \(program_id=\? AND program_category_id=\?\)/m,
    );
    expect(lines).toContain("LIST SUBQUERY 1");
    expect(
      lines.some((line) => line.includes("CORRELATED") || line.includes("TEMP B-TREE")),
      lines.join("\n"),
    ).toBe(false);
  });

  test("the first page reads the default order from the index (no sort step) and stops after 25 rows", async () => {
    const lines = await plan(compileProposalPage(programId, firstPage(), page));
    expect(lines.join("\n")).toMatch(
      /SEARCH proposal USING INDEX proposal_program_submitted_idx \(program_id=\? AND submitted_at>\?\)/,
    );
    expect(
      lines.some((line) => line.includes("TEMP B-TREE")),
      lines.join("\n"),
    ).toBe(false);
  });

  test("a status filter reads its rows in the default order from (program_id, status, submitted_at)", async () => {
    const lines = await plan(
      compileProposalPage(programId, parseListFilters(new URLSearchParams({ status: "eligible" })), page),
    );
    expect(lines.join("\n")).toMatch(
      /proposal_program_status_submitted_idx \(program_id=\? AND status=\? AND submitted_at>\?\)/,
    );
    expect(
      lines.some((line) => line.includes("TEMP B-TREE")),
      lines.join("\n"),
    ).toBe(false);
  });

  test.each([
    [
      "a focus area and a status",
      () => `focusArea=${categoryId}&status=submitted`,
      "proposal_program_category_status_idx",
    ],
    ["a community", () => "community=南七街道幸福社区", "proposal_program_community_submitted_idx"],
  ])("%s read their rows in the default order from their own index", async (_what, query, index) => {
    const lines = await plan(compileProposalPage(programId, parseListFilters(new URLSearchParams(query())), page));
    expect(lines.join("\n")).toMatch(new RegExp(`SEARCH proposal USING INDEX ${index} `));
    expect(
      lines.some((line) => line.includes("TEMP B-TREE")),
      lines.join("\n"),
    ).toBe(false);
  });

  test("the counts by status and the community filter's choices come from one pass over a covering index", async () => {
    const lines = await plan(statusCommunityCountsQuery(programId));
    expect(lines.join("\n")).toMatch(
      /SEARCH proposal USING COVERING INDEX proposal_program_status_community_idx \(program_id=\?\)/,
    );
    expect(
      lines.some((line) => line.includes("TEMP B-TREE")),
      lines.join("\n"),
    ).toBe(false);
  });
});

describe.runIf(testDbKind === "postgres")("PostgreSQL query plans", () => {
  test.each(cases)("%s is explained without error", async (_what, query) => {
    const lines = await plan(query());
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).toMatch(/proposal/);
  });
});
