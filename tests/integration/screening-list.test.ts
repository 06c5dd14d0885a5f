// The manager's proposal list and its exports: filters, sorting and pages return the right rows; counts by status;
// CSV (with a BOM) and XLSX carry the filtered rows with budget totals in the manager's language; nobody outside
// the program's funder (the admin aside, for support) can read any of it.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";
import type { ProposalContent } from "~/features/proposals/content";
import { loader as exportLoader } from "~/features/proposals/manage-proposals-export.route";
import { loader as listLoader } from "~/features/proposals/manage-proposals.route";
import { db } from "~/lib/db.server";
import {
  createApplicant,
  createManager,
  createOrganization,
  createProgram,
  createProposal,
  createUser,
  realisticProposalContent,
} from "../factories";
import { buildRequest, callRoute } from "../support/routes";

interface Fixture {
  id: number;
  title: string;
  organizationName: string;
  status: string;
  community: string;
  categoryIndex: number;
  targetGroupIndex: number;
  grantRequestedFen: number;
  totalBudgetFen: number;
  partnerMatchFen: number;
}

const communities = ["幸福社区", "南七社区", "稻香村社区"];
const titles = ["银龄相伴·独居老人结对探访", "童心港湾·四点半课堂", "邻里守望·困难家庭微心愿", "助残同行·康复陪伴"];
const statuses = ["submitted", "submitted", "eligible", "returned", "ineligible", "withdrawn"];

let programId: number;
let otherProgramId: number;
let managerId: number;
let otherManagerId: number;
let applicantId: number;
let adminId: number;
let categoryIds: number[];
let targetGroupIds: number[];
const fixtures: Fixture[] = [];

beforeAll(async () => {
  const { user: manager, funderId } = await createManager(db());
  managerId = manager.id;
  otherManagerId = (await createManager(db())).user.id;
  adminId = (await createUser(db(), { isPlatformAdmin: true })).id;
  const program = await createProgram(db(), { funderId });
  programId = program.id;
  otherProgramId = (await createProgram(db(), { funderId })).id;
  categoryIds = (
    await db()
      .selectFrom("programCategory")
      .select("id")
      .where("programId", "=", programId)
      .orderBy("position")
      .execute()
  ).map((row) => row.id);
  targetGroupIds = (
    await db()
      .selectFrom("programTargetGroup")
      .select("id")
      .where("programId", "=", programId)
      .orderBy("position")
      .execute()
  ).map((row) => row.id);

  const organizations = [];
  for (const name of ["幸福社区志愿服务队", "合肥市蜀山区阳光社会工作服务中心", "稻香村银发互助会"]) {
    const organization = await createOrganization(db(), { name });
    const owner = await createApplicant(db(), { organizationId: organization.id });
    organizations.push({ organization, ownerId: owner.user.id });
  }
  applicantId = organizations[0]?.ownerId ?? 0;

  const base = realisticProposalContent({
    categoryIds,
    targetGroupIds,
    implementationStartsOn: program.implementationStartsOn,
    implementationEndsOn: program.implementationEndsOn,
  });
  // 30 handed-in proposals plus 2 drafts, varied on every column the list filters or sorts by.
  for (let i = 0; i < 32; i += 1) {
    const owner = organizations[i % organizations.length];
    if (!owner) throw new Error("no organisation");
    const categoryIndex = i % 4;
    const targetGroupIndex = (i + 1) % 4;
    const community = communities[i % communities.length] ?? "";
    const title = `${titles[i % titles.length]}（${i + 1}）`;
    const lines = base.budgetLines.map((line, index) =>
      line && index === 0 ? { ...line, quantityHundredths: (10 + i) * 100 } : line,
    );
    const content: Partial<ProposalContent> = {
      title,
      serviceCommunity: community,
      programCategoryId: categoryIds[categoryIndex] ?? null,
      targetGroupIds: [targetGroupIds[targetGroupIndex] ?? 0],
      budgetLines: lines,
    };
    const status = i >= 30 ? "draft" : (statuses[i % statuses.length] ?? "submitted");
    const proposal = await createProposal(db(), {
      programId,
      organizationId: owner.organization.id,
      createdBy: owner.ownerId,
      status,
      content,
    });
    if (status === "draft") continue;
    fixtures.push({
      id: proposal.id,
      title,
      organizationName: owner.organization.name,
      status,
      community,
      categoryIndex,
      targetGroupIndex,
      grantRequestedFen: proposal.grantRequestedFen,
      totalBudgetFen: proposal.totalBudgetFen,
      partnerMatchFen: 100_000,
    });
  }
  // A proposal of another program of the same funder never shows in this list.
  await createProposal(db(), {
    programId: otherProgramId,
    organizationId: organizations[0]?.organization.id ?? 0,
    createdBy: applicantId,
    status: "submitted",
  });
});

interface ListData {
  rows: {
    id: number;
    title: string;
    status: string;
    grantRequestedFen: number;
    totalBudgetFen: number;
    organizationName: string;
  }[];
  page: { page: number; pageSize: number; total: number };
  counts: Record<string, number>;
  tabCounts: Record<string, number>;
  communities: string[];
}

async function list(query = "", userId = managerId) {
  const path = `/manage/programs/${programId}/proposals${query ? `?${query}` : ""}`;
  return callRoute<ListData>(listLoader, path, { userId, params: { programId: String(programId) } });
}

const ids = (rows: { id: number }[]) => rows.map((row) => row.id);
const countByStatus = (rows: Fixture[]) => {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return counts;
};
const sortedIds = (rows: Fixture[], key: (row: Fixture) => number | string, direction: "asc" | "desc") =>
  [...rows]
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const order = x < y ? -1 : x > y ? 1 : a.id - b.id;
      return direction === "asc" ? order : -order;
    })
    .map((row) => row.id);

describe("the list", () => {
  test("shows the program's handed-in proposals, newest first, 25 a page, never drafts or other programs", async () => {
    const first = await list();
    expect(first.status).toBe(200);
    expect(first.data.page.total).toBe(30);
    expect(first.data.rows).toHaveLength(25);
    const second = await list("page=2");
    expect(second.data.rows).toHaveLength(5);
    const all = [...ids(first.data.rows), ...ids(second.data.rows)];
    expect(all).toEqual(sortedIds(fixtures, (row) => row.id, "desc"));
  });

  test("counts proposals by status in one go", async () => {
    const { data } = await list("status=eligible");
    expect(data.counts).toEqual(countByStatus(fixtures));
    // Nothing but a status narrows the list: every tab counts the whole program.
    expect(data.tabCounts).toEqual(countByStatus(fixtures));
    expect(data.page.total).toBe(countByStatus(fixtures).eligible);
    expect(data.communities).toEqual([...communities].sort());
  });

  test.each<[string, () => string, (row: Fixture) => boolean]>([
    ["a focus area", () => `focusArea=${categoryIds[1]}`, (row) => row.categoryIndex === 1],
    ["a search for an organisation's name", () => "q=阳光", (row) => row.organizationName.includes("阳光")],
    ["a text search under a status tab", () => "status=submitted&q=童心港湾", (row) => row.title.includes("童心港湾")],
  ])(
    "under %s, the tabs count the matches in each state and the program's counts stay whole",
    async (_what, query, matches) => {
      const { data } = await list(query());
      const matching = fixtures.filter(matches);
      expect(data.tabCounts).toEqual(countByStatus(matching));
      const status = new URLSearchParams(query()).get("status");
      expect(data.page.total).toBe(status ? matching.filter((row) => row.status === status).length : matching.length);
      expect(data.counts).toEqual(countByStatus(fixtures));
    },
  );

  test("a chosen state none of the matches is in keeps its tab, at 0, over an empty list", async () => {
    const matching = fixtures.filter((row) => row.title.includes("童心港湾"));
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.some((row) => row.status === "eligible")).toBe(false);
    const { data } = await list("status=eligible&q=童心港湾");
    expect(data.tabCounts).toEqual(countByStatus(matching));
    expect(data.page.total).toBe(0);
    expect(data.rows).toEqual([]);
  });

  test.each<[string, () => string, (row: Fixture) => boolean]>([
    ["status", () => "status=returned", (row) => row.status === "returned"],
    ["focus area", () => `focusArea=${categoryIds[2]}`, (row) => row.categoryIndex === 2],
    ["target group", () => `targetGroup=${targetGroupIds[0]}`, (row) => row.targetGroupIndex === 0],
    ["community", () => "community=南七社区", (row) => row.community === "南七社区"],
    ["text in the title", () => "q=童心港湾", (row) => row.title.includes("童心港湾")],
    [
      "text in the organisation's name, case and spacing ignored",
      () => "q=%20阳光社会工作%20",
      (row) => row.organizationName.includes("阳光社会工作"),
    ],
    [
      "several filters at once",
      () => `status=submitted&community=幸福社区&q=${encodeURIComponent("（")}`,
      (row) => row.status === "submitted" && row.community === "幸福社区",
    ],
    ["a filter matching nothing", () => "q=不存在的项目", () => false],
    // A value no form offers is ignored rather than refused: the list stays usable after a bad link.
    ["an unknown status", () => "status=draft", () => true],
  ])("filters by %s", async (_what, query, keep) => {
    const { data } = await list(query());
    const expected = sortedIds(fixtures.filter(keep), (row) => row.id, "desc");
    expect(data.page.total).toBe(expected.length);
    expect(ids(data.rows)).toEqual(expected.slice(0, 25));
  });

  test.each<[string, string, (row: Fixture) => number | string, "asc" | "desc"]>([
    ["grant requested, largest first", "sort=grant", (row) => row.grantRequestedFen, "desc"],
    ["grant requested, smallest first", "sort=grant&dir=asc", (row) => row.grantRequestedFen, "asc"],
    ["total budget", "sort=total", (row) => row.totalBudgetFen, "desc"],
    ["number", "sort=number", (row) => row.id, "asc"],
    ["submission, oldest first", "sort=submitted&dir=asc", (row) => row.id, "asc"],
  ])("sorts by %s, across pages", async (_what, query, key, direction) => {
    const first = await list(query);
    const second = await list(`${query}&page=2`);
    expect([...ids(first.data.rows), ...ids(second.data.rows)]).toEqual(sortedIds(fixtures, key, direction));
  });

  test("sorts by title in the database's order, ties broken by id", async () => {
    const { data } = await list("sort=title&status=submitted");
    const titlesInOrder = data.rows.map((row) => row.title);
    expect(titlesInOrder).toHaveLength(fixtures.filter((row) => row.status === "submitted").length);
    expect(new Set(titlesInOrder).size).toBe(titlesInOrder.length);
    const reversed = await list("sort=title&dir=desc&status=submitted");
    expect(reversed.data.rows.map((row) => row.title)).toEqual([...titlesInOrder].reverse());
  });

  test("a page past the last one sends the reader to the last page, filters kept", async () => {
    // A stale link, or rows screened away under a status tab: not an empty page under a count of results.
    expect(fixtures.filter((row) => row.status === "submitted").length).toBeLessThanOrEqual(25);
    const filtered = await list("status=submitted&q=%E7%A4%BE%E5%8C%BA&page=2");
    expect(filtered.status).toBe(302);
    expect(filtered.location).toBe(`/manage/programs/${programId}/proposals?status=submitted&q=%E7%A4%BE%E5%8C%BA`);
    const unfiltered = await list("sort=grant&page=9");
    expect(unfiltered.location).toBe(`/manage/programs/${programId}/proposals?sort=grant&page=2`);
  });
});

async function download(format: "csv" | "xlsx", query = "", options: { userId?: number; language?: string } = {}) {
  const path = `/manage/programs/${programId}/proposals/export.${format}${query ? `?${query}` : ""}`;
  const request = await buildRequest(path, {
    userId: options.userId ?? managerId,
    headers: options.language ? { "Accept-Language": options.language } : undefined,
  });
  try {
    const response = await exportLoader({
      request,
      params: { programId: String(programId) },
      context: { cspNonce: "" },
    });
    return response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function parseCsv(text: string): string[][] {
  // The exported cells hold no commas, quotes or line breaks, so a plain split reads them.
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(","));
}

describe("the exports", () => {
  test("CSV: a UTF-8 BOM, Chinese headers, the filtered rows in the list's order, amounts in yuan", async () => {
    const response = await download("csv", "status=submitted&sort=grant");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".*\.csv"; filename\*=UTF-8''/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    expect(header).toEqual([
      "申报编号",
      "项目名称",
      "申报组织",
      "组织类别",
      "统一社会信用代码",
      "申报领域",
      "服务社区",
      "状态",
      "版本",
      "申请资助（元）",
      "自筹（元）",
      "合作方配套（元）",
      "项目总预算（元）",
      "提交时间（北京时间）",
    ]);
    const expected = fixtures
      .filter((row) => row.status === "submitted")
      .sort((a, b) => b.grantRequestedFen - a.grantRequestedFen || b.id - a.id);
    expect(rows.map((row) => row[1])).toEqual(expected.map((row) => row.title));
    const first = expected[0];
    if (!first) throw new Error("no rows");
    const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));
    expect(rows[0]?.slice(7, 13)).toEqual([
      "已提交",
      "1",
      yuan(first.grantRequestedFen),
      "500",
      yuan(first.partnerMatchFen),
      yuan(first.totalBudgetFen),
    ]);
  });

  test("CSV in English when the manager reads English", async () => {
    const response = await download("csv", "q=童心港湾", { language: "en" });
    const [header, ...rows] = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    expect(header?.slice(0, 3)).toEqual(["Number", "Title", "Organisation"]);
    expect(rows.every((row) => row[1]?.startsWith("童心港湾"))).toBe(true);
    expect(rows).toHaveLength(fixtures.filter((row) => row.title.includes("童心港湾")).length);
  });

  test("XLSX: one sheet, the same columns and rows, amounts as numbers", async () => {
    const response = await download("xlsx", `focusArea=${categoryIds[1]}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    expect(sheet.name).toBe("申报书");
    expect(sheet.getRow(1).getCell(2).value).toBe("项目名称");
    expect(sheet.getRow(1).getCell(10).value).toBe("申请资助（元）");
    const expected = sortedIds(
      fixtures.filter((row) => row.categoryIndex === 1),
      (row) => row.id,
      "desc",
    );
    // The header, a row a proposal, and the totals.
    expect(sheet.rowCount).toBe(expected.length + 2);
    const byTitle = new Map(fixtures.map((row) => [row.title, row]));
    for (let index = 2; index < sheet.rowCount; index += 1) {
      const row = sheet.getRow(index);
      const fixture = byTitle.get(String(row.getCell(2).value));
      expect(fixture?.id).toBe(expected[index - 2]);
      expect(row.getCell(10).value).toBe((fixture?.grantRequestedFen ?? 0) / 100);
      expect(row.getCell(11).value).toBe(500);
      expect(row.getCell(13).value).toBe((fixture?.totalBudgetFen ?? 0) / 100);
    }
    const totals = sheet.getRow(sheet.rowCount);
    const listed = fixtures.filter((row) => row.categoryIndex === 1);
    const sumFen = (key: (row: Fixture) => number) => listed.reduce((sum, row) => sum + key(row), 0);
    expect(totals.getCell(1).value).toBe("合计");
    expect(totals.getCell(2).value).toBeNull();
    expect(totals.getCell(10).value).toBe(sumFen((row) => row.grantRequestedFen) / 100);
    expect(totals.getCell(11).value).toBe((listed.length * 50_000) / 100);
    expect(totals.getCell(13).value).toBe(sumFen((row) => row.totalBudgetFen) / 100);
  });
});

describe("who may see the list and the exports", () => {
  test.each([
    ["a manager of another funder", () => otherManagerId],
    ["an applicant whose proposals are in the list", () => applicantId],
  ])("%s gets 404 from the list and both exports", async (_who, userOf) => {
    expect((await list("", userOf())).status).toBe(404);
    expect((await download("csv", "", { userId: userOf() })).status).toBe(404);
    expect((await download("xlsx", "", { userId: userOf() })).status).toBe(404);
  });

  test("a signed-out visitor is sent to sign in", async () => {
    const result = await callRoute(listLoader, `/manage/programs/${programId}/proposals`, {
      params: { programId: String(programId) },
    });
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/sign-in/);
  });

  test("the platform admin may look, for support", async () => {
    expect((await list("", adminId)).status).toBe(200);
  });

  test("an unknown program is a 404", async () => {
    const result = await callRoute(listLoader, "/manage/programs/999999/proposals", {
      userId: managerId,
      params: { programId: "999999" },
    });
    expect(result.status).toBe(404);
  });
});
