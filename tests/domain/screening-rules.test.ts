import { describe, expect, test } from "vitest";
import {
  allowedScreeningDecisions,
  canScreenProposals,
  canViewProgramProposals,
  filtersToSearchParams,
  narrowsBeyondStatus,
  parseListFilters,
  ScreeningSchema,
  sortedBy,
  statusAfterScreening,
  totalUnderStatus,
} from "~/features/proposals/screening";

describe("screening decisions follow the proposal lifecycle", () => {
  test.each([
    ["submitted", ["eligible", "ineligible", "returned"]],
    ["returned", []],
    ["draft", []],
    ["eligible", []],
    ["ineligible", []],
    ["withdrawn", []],
    ["in_review", []],
    ["nonsense", []],
  ])("a %s proposal allows %j", (status, decisions) => {
    expect(allowedScreeningDecisions(status)).toEqual(decisions);
  });

  test.each([
    ["submitted", "eligible", "eligible"],
    ["submitted", "ineligible", "ineligible"],
    ["submitted", "returned", "returned"],
    ["eligible", "ineligible", null],
    ["returned", "returned", null],
    ["ineligible", "eligible", null],
  ] as const)("%s + %s → %s", (status, decision, after) => {
    expect(statusAfterScreening(status, decision)).toBe(after);
  });
});

describe("the screening form", () => {
  test.each([
    [{ intent: "eligible" }, true],
    [{ intent: "eligible", comment: "材料齐全" }, true],
    [{ intent: "ineligible", comment: "申报主体不符合条件：未在街道备案。" }, true],
    [{ intent: "ineligible", comment: "   " }, false],
    [{ intent: "ineligible" }, false],
    [{ intent: "returned", comment: "请补充预算测算依据。" }, true],
    [{ intent: "returned", comment: "" }, false],
    [{ intent: "returned", comment: "很".repeat(2001) }, false],
    [{ intent: "award" }, false],
  ])("%j is accepted: %s", (values, ok) => {
    expect(ScreeningSchema.safeParse(values).success).toBe(ok);
  });

  test("a reason left blank is reported on the comment field with its own message", () => {
    const result = ScreeningSchema.safeParse({ intent: "ineligible", comment: " " });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["comment"]);
    expect(result.error?.issues[0]?.message).toBe("proposals:manage.screen.reasonRequired");
  });

  test("the comment is trimmed", () => {
    expect(ScreeningSchema.parse({ intent: "returned", comment: "  请补充  " })).toEqual({
      intent: "returned",
      comment: "请补充",
    });
  });
});

describe("who may see and screen a program's proposals", () => {
  const program = { funderId: 7 };
  test.each([
    ["staff of the funder", { funderIds: [7], isPlatformAdmin: false }, true, true],
    ["staff of another funder", { funderIds: [8], isPlatformAdmin: false }, false, false],
    ["the platform admin", { funderIds: [], isPlatformAdmin: true }, true, false],
    ["an applicant", { funderIds: [], isPlatformAdmin: false }, false, false],
  ])("%s: view %s, screen %s", (_who, actor, view, screen) => {
    expect(canViewProgramProposals(actor, program)).toBe(view);
    expect(canScreenProposals(actor, program)).toBe(screen);
  });
});

describe("the list's filters", () => {
  const parse = (query: string) => parseListFilters(new URLSearchParams(query));

  test("no query: everything handed in, newest submission first", () => {
    expect(parse("")).toEqual({
      status: null,
      focusAreaId: null,
      targetGroupId: null,
      community: null,
      q: "",
      sort: "submitted",
      direction: "desc",
    });
  });

  test.each([
    ["status=eligible", { status: "eligible" }],
    ["status=draft", { status: null }],
    ["status=bogus", { status: null }],
    ["focusArea=12&targetGroup=3", { focusAreaId: 12, targetGroupId: 3 }],
    ["focusArea=abc&targetGroup=-1", { focusAreaId: null, targetGroupId: null }],
    ["community=%20幸福社区%20", { community: "幸福社区" }],
    ["community=", { community: null }],
    ["q=%20银龄%20", { q: "银龄" }],
    [`q=${"长".repeat(150)}`, { q: "长".repeat(100) }],
    ["sort=grant", { sort: "grant", direction: "desc" }],
    ["sort=title", { sort: "title", direction: "asc" }],
    ["sort=number&dir=desc", { sort: "number", direction: "desc" }],
    ["sort=owner&dir=sideways", { sort: "submitted", direction: "desc" }],
  ])("%s", (query, expected) => {
    expect(parse(query)).toMatchObject(expected);
  });

  test("the query string written back reads as the same filters, without defaults", () => {
    const filters = parse(
      "status=submitted&focusArea=4&targetGroup=2&community=幸福社区&q=探访&sort=total&dir=asc&page=3",
    );
    const params = filtersToSearchParams(filters);
    expect(params.has("page")).toBe(false);
    expect(parseListFilters(params)).toEqual(filters);
    expect(filtersToSearchParams(parse("sort=submitted&dir=desc")).toString()).toBe("");
  });

  test("sorting by the current column reverses it; another column starts in its natural direction", () => {
    const filters = parse("sort=grant");
    expect(sortedBy(filters, "grant")).toMatchObject({ sort: "grant", direction: "asc" });
    expect(sortedBy(filters, "title")).toMatchObject({ sort: "title", direction: "asc" });
    expect(sortedBy(parse("sort=title"), "title")).toMatchObject({ direction: "desc" });
  });
});

describe("the list's total from the counts by status", () => {
  const counts = { submitted: 7, eligible: 3, returned: 1 };
  test.each([
    ["the all tab: every state added up", null, 11],
    ["a status: its count", "eligible", 3],
    ["a status nobody is in: none", "withdrawn", 0],
  ])("%s", (_what, status, total) => {
    expect(totalUnderStatus(counts, status)).toBe(total);
  });
});

describe("which filters make the status tabs count under them", () => {
  test.each([
    ["no filter", "", false],
    ["only a status", "status=eligible", false],
    ["only sorting", "sort=grant&dir=asc", false],
    ["a focus area", "focusArea=3", true],
    ["a target group", "targetGroup=2", true],
    ["a community", "community=幸福社区", true],
    ["a text search beside a status", "status=submitted&q=探访", true],
  ])("%s: %s", (_what, query, narrows) => {
    expect(narrowsBeyondStatus(parseListFilters(new URLSearchParams(query)))).toBe(narrows);
  });
});
