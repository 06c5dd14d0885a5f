import { describe, expect, test } from "vitest";
import { loader as detailLoader } from "~/features/programs/public-detail.route";
import { loader as listLoader } from "~/features/programs/public-list.route";
import { db } from "~/lib/db.server";
import { createFunder, createProgram } from "../factories";
import { callRoute } from "../support/routes";

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

interface Listed {
  id: number;
  title: string;
  phase: string;
  funderName: string;
  poolFen: number;
  grantMinFen: number;
  grantMaxFen: number;
}

async function allListed(): Promise<Listed[]> {
  const listed: Listed[] = [];
  for (let page = 1; ; page += 1) {
    const result = await callRoute<{ programs: Listed[]; total: number; pageSize: number }>(
      listLoader,
      `/programs?page=${page}`,
    );
    listed.push(...result.data.programs);
    if (page * result.data.pageSize >= result.data.total) return listed;
  }
}

describe("the public program list", () => {
  test("shows open and upcoming programs to signed-out visitors and never drafts, closed windows or later stages", async () => {
    const funder = await createFunder(db(), { name: "合肥市蜀山区西园街道办事处" });
    const accepting = await createProgram(db(), { funderId: funder.id, title: "正在征集的大赛" });
    const upcoming = await createProgram(db(), {
      funderId: funder.id,
      title: "即将开始的大赛",
      opensAt: inDays(10),
      closesAt: inDays(40),
    });
    const draft = await createProgram(db(), { funderId: funder.id, title: "草稿大赛", status: "draft" });
    const closed = await createProgram(db(), {
      funderId: funder.id,
      title: "已截止的大赛",
      opensAt: inDays(-30),
      closesAt: inDays(-1),
    });
    const reviewing = await createProgram(db(), { funderId: funder.id, title: "评审中的大赛", status: "reviewing" });

    const listed = await allListed();
    const byId = new Map(listed.map((program) => [program.id, program]));
    expect(byId.get(accepting.id)).toMatchObject({
      phase: "accepting",
      funderName: "合肥市蜀山区西园街道办事处",
      poolFen: 25_000_000,
      grantMinFen: 300_000,
      grantMaxFen: 3_000_000,
    });
    expect(byId.get(upcoming.id)?.phase).toBe("upcoming");
    for (const hidden of [draft, closed, reviewing]) expect(byId.has(hidden.id)).toBe(false);
  });

  test("pages through the list", async () => {
    const funder = await createFunder(db());
    for (let i = 0; i < 13; i += 1) await createProgram(db(), { funderId: funder.id });
    const first = await callRoute<{ programs: Listed[]; total: number; page: number }>(listLoader, "/programs");
    expect(first.data.programs).toHaveLength(12);
    expect(first.data.total).toBeGreaterThanOrEqual(13);
    const all = await allListed();
    expect(new Set(all.map((program) => program.id)).size).toBe(first.data.total);
  });
});

describe("a public program page", () => {
  test("shows a published program with everything on it", async () => {
    const funder = await createFunder(db());
    const program = await createProgram(db(), { funderId: funder.id });
    const result = await callRoute(detailLoader, `/programs/${program.id}`, {
      params: { programId: String(program.id) },
    });
    expect(result.status).toBe(200);
    expect(result.data.phase).toBe("accepting");
    expect(result.data.program).toMatchObject({
      title: program.title,
      poolFen: 25_000_000,
      prohibitedCategories: ["fixed_assets", "cash_gifts", "hospitality"],
      eligibleKinds: ["registered", "filed_team"],
      tranchePlan: { preset: "50-40-10" },
    });
    expect(result.data.program.categories.map((category: { name: string }) => category.name)).toEqual([
      "为老服务",
      "儿童关爱",
      "困难帮扶",
      "助残服务",
    ]);
  });

  test("shows a program in a later stage as closed to proposals", async () => {
    const funder = await createFunder(db());
    const program = await createProgram(db(), { funderId: funder.id, status: "running" });
    const result = await callRoute(detailLoader, `/programs/${program.id}`, {
      params: { programId: String(program.id) },
    });
    expect(result.status).toBe(200);
    expect(result.data.phase).toBe("closed");
  });

  test.each([
    ["a draft", "draft"],
    ["an unknown id", null],
  ])("answers 404 for %s", async (_name, status) => {
    const funder = await createFunder(db());
    const programId = status ? (await createProgram(db(), { funderId: funder.id, status })).id : 999_999;
    const result = await callRoute(detailLoader, `/programs/${programId}`, {
      params: { programId: String(programId) },
    });
    expect(result.status).toBe(404);
  });
});
