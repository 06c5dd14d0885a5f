import { describe, expect, test } from "vitest";
import type { ProposalSnapshot } from "~/features/proposals/snapshot";
import { diffRows, diffVersions, hasChanges } from "~/features/proposals/version-diff";

type Line = ProposalSnapshot["budgetLines"][number];

const line = (overrides: Partial<Line> = {}): Line => ({
  category: "activity_materials",
  item: "活动物资（手工材料包）",
  unitPriceFen: 5_000,
  quantityHundredths: 6_000,
  unit: "份",
  fundingSource: "grant",
  basis: "每次活动 15 份 × 4 次",
  amountFen: 300_000,
  ...overrides,
});

function snapshot(overrides: Partial<ProposalSnapshot> = {}): ProposalSnapshot {
  const budgetLines = overrides.budgetLines ?? [
    line(),
    line({
      category: "publicity",
      item: "宣传海报印制",
      unitPriceFen: 2_000,
      quantityHundredths: 2_000,
      unit: "张",
      amountFen: 40_000,
    }),
    line({
      category: "personnel",
      item: "社工补贴",
      fundingSource: "self_raised",
      unitPriceFen: 20_000,
      quantityHundredths: 1_000,
      unit: "人次",
      amountFen: 200_000,
    }),
  ];
  return {
    format: 1,
    number: "WGY2026-001-007",
    version: 1,
    reason: "submitted",
    submittedAt: "2026-03-01T02:00:00.000Z",
    program: { id: 1, code: "WGY2026-001", title: "第三届社区微公益创投大赛" },
    organization: { id: 9, name: "幸福社区志愿服务队", kind: "filed_team" },
    title: "银龄相伴·独居老人结对探访",
    focusArea: { id: 3, name: "为老服务" },
    targetGroups: [{ id: 11, code: "elderly", name: null }],
    serviceCommunity: "南七街道幸福社区",
    startsOn: "2026-05-01",
    endsOn: "2026-12-31",
    expectedBeneficiaries: 60,
    summary: "为社区 60 名独居老人提供每周探访。",
    needs: "社区独居老人 86 人。",
    goals: "每月探访 4 次。",
    activityPlan: "5 月组建队伍，6—12 月每周探访。",
    innovation: "",
    sustainability: "与社区卫生服务站合作。",
    risks: "志愿者流失：建立轮班制度。",
    teamMembers: [
      { name: "李桂兰", role: "项目负责人", qualification: "助理社会工作师" },
      { name: "王建国", role: "志愿者队长", qualification: "" },
    ],
    budgetLines,
    totals: {
      totalFen: 540_000,
      grantRequestedFen: 340_000,
      byCategory: { activity_materials: 300_000, publicity: 40_000, personnel: 200_000 },
      bySource: { grant: 340_000, self_raised: 200_000, partner_match: 0 },
    },
    milestones: [
      { title: "组建志愿者队伍", dueOn: "2026-05-31", deliverable: "志愿者名册" },
      { title: "开展结对探访", dueOn: "2026-11-30", deliverable: "探访记录表" },
    ],
    indicatorTargets: [
      { indicator: "service_visits", customName: "", customUnit: "", targetValue: 1_200, split: [] },
      { indicator: "custom", customName: "健康档案建档数", customUnit: "份", targetValue: 60, split: [] },
    ],
    attachments: [
      { id: 1, originalName: "社区走访调研.pdf", mimeType: "application/pdf", sizeBytes: 20_000, sha256: "aa" },
    ],
    ...overrides,
  };
}

describe("diffVersions", () => {
  test("two equal versions have no changes", () => {
    const diff = diffVersions(
      snapshot(),
      snapshot({ version: 2, reason: "resubmitted", submittedAt: "2026-03-09T02:00:00.000Z" }),
    );
    expect(hasChanges(diff)).toBe(false);
    expect(diff).toMatchObject({ fromVersion: 1, toVersion: 2, fields: [], totals: [] });
  });

  test.each<[string, Partial<ProposalSnapshot>, { field: string; before: unknown; after: unknown }]>([
    [
      "the title",
      { title: "银龄相伴·独居老人结对探访（修订）" },
      { field: "title", before: "银龄相伴·独居老人结对探访", after: "银龄相伴·独居老人结对探访（修订）" },
    ],
    [
      "the focus area, by name",
      { focusArea: { id: 4, name: "助残服务" } },
      { field: "focusArea", before: "为老服务", after: "助残服务" },
    ],
    ["a cleared date", { endsOn: null }, { field: "endsOn", before: "2026-12-31", after: null }],
    ["the beneficiaries", { expectedBeneficiaries: 80 }, { field: "expectedBeneficiaries", before: 60, after: 80 }],
    [
      "an empty text filled in",
      { innovation: "引入“时间银行”积分。" },
      { field: "innovation", before: "", after: "引入“时间银行”积分。" },
    ],
  ])("reports a change of %s with both values", (_what, change, expected) => {
    const diff = diffVersions(snapshot(), snapshot({ version: 2, ...change }));
    expect(diff.fields).toEqual([expected]);
    expect(hasChanges(diff)).toBe(true);
  });

  test("reports target groups added and removed, and leaves kept ones out", () => {
    const diff = diffVersions(
      snapshot(),
      snapshot({
        targetGroups: [
          { id: 12, code: "disabled", name: null },
          { id: 13, code: "custom", name: "新就业群体" },
        ],
      }),
    );
    expect(diff.targetGroups.added.map((group) => group.id)).toEqual([12, 13]);
    expect(diff.targetGroups.removed.map((group) => group.id)).toEqual([11]);
  });

  test("reports each budget total that moved, per funding source too", () => {
    const after = snapshot();
    after.totals = {
      ...after.totals,
      grantRequestedFen: 300_000,
      totalFen: 560_000,
      bySource: { grant: 300_000, self_raised: 200_000, partner_match: 60_000 },
    };
    expect(diffVersions(snapshot(), after).totals).toEqual([
      { total: "totalFen", beforeFen: 540_000, afterFen: 560_000 },
      { total: "grantRequestedFen", beforeFen: 340_000, afterFen: 300_000 },
      { total: "partner_match", beforeFen: 0, afterFen: 60_000 },
    ]);
  });

  test("a budget line with a new price is changed (same category and item), naming the fields that differ", () => {
    const before = snapshot();
    const lines = [...before.budgetLines];
    lines[0] = line({ unitPriceFen: 4_000, amountFen: 240_000 });
    const diff = diffVersions(before, snapshot({ budgetLines: lines }));
    expect(diff.budgetLines.added).toEqual([]);
    expect(diff.budgetLines.removed).toEqual([]);
    expect(diff.budgetLines.changed).toHaveLength(1);
    expect(diff.budgetLines.changed[0]?.fields).toEqual(["unitPriceFen", "amountFen"]);
    expect(diff.budgetLines.changed[0]?.before.unitPriceFen).toBe(5_000);
    expect(diff.budgetLines.changed[0]?.after.unitPriceFen).toBe(4_000);
  });

  test("a renamed budget line is one removed and one added; moved rows are not changes", () => {
    const before = snapshot();
    const [first, second, third] = before.budgetLines;
    if (!first || !second || !third) throw new Error("fixture has three lines");
    const renamed = { ...second, item: "宣传折页印制" };
    const diff = diffVersions(before, snapshot({ budgetLines: [third, renamed, first] }));
    expect(diff.budgetLines.changed).toEqual([]);
    expect(diff.budgetLines.removed.map((row) => row.item)).toEqual(["宣传海报印制"]);
    expect(diff.budgetLines.added.map((row) => row.item)).toEqual(["宣传折页印制"]);
  });

  test("milestones, targets, team and attachments report added, removed and changed rows", () => {
    const before = snapshot();
    const diff = diffVersions(
      before,
      snapshot({
        milestones: [
          { title: "组建志愿者队伍", dueOn: "2026-06-15", deliverable: "志愿者名册" },
          { title: "开展结对探访", dueOn: "2026-11-30", deliverable: "探访记录表" },
          { title: "总结交流会", dueOn: "2026-12-20", deliverable: "总结报告" },
        ],
        indicatorTargets: [
          { indicator: "service_visits", customName: "", customUnit: "", targetValue: 1_500, split: [] },
          {
            indicator: "custom",
            customName: "健康档案建档数",
            customUnit: "份",
            targetValue: 60,
            split: [{ targetGroupId: 11, value: 60 }],
          },
        ],
        teamMembers: [{ name: "李桂兰", role: "项目负责人", qualification: "助理社会工作师" }],
        attachments: [
          ...before.attachments,
          {
            id: 2,
            originalName: "预算明细.xlsx",
            mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            sizeBytes: 9_000,
            sha256: "bb",
          },
        ],
      }),
    );
    expect(diff.milestones.changed.map((change) => [change.after.title, change.fields])).toEqual([
      ["组建志愿者队伍", ["dueOn"]],
    ]);
    expect(diff.milestones.added.map((row) => row.title)).toEqual(["总结交流会"]);
    expect(diff.indicatorTargets.changed.map((change) => change.fields)).toEqual([["targetValue"], ["split"]]);
    expect(diff.teamMembers.removed.map((row) => row.name)).toEqual(["王建国"]);
    expect(diff.attachments.added.map((row) => row.originalName)).toEqual(["预算明细.xlsx"]);
    expect(diff.attachments.removed).toEqual([]);
  });
});

describe("diffRows", () => {
  const key = (row: { name: string }) => row.name;
  test.each([
    ["identical lists", [{ name: "a", n: 1 }], [{ name: "a", n: 1 }], { added: 0, removed: 0, changed: 0 }],
    ["empty to one", [], [{ name: "a", n: 1 }], { added: 1, removed: 0, changed: 0 }],
    ["one to empty", [{ name: "a", n: 1 }], [], { added: 0, removed: 1, changed: 0 }],
    ["same key, new value", [{ name: "a", n: 1 }], [{ name: "a", n: 2 }], { added: 0, removed: 0, changed: 1 }],
    // duplicates pair one to one: the second "a" has nothing left to pair with
    [
      "a duplicated row",
      [{ name: "a", n: 1 }],
      [
        { name: "a", n: 1 },
        { name: "a", n: 1 },
      ],
      { added: 1, removed: 0, changed: 0 },
    ],
    [
      "two rows with one key, one edited",
      [
        { name: "a", n: 1 },
        { name: "a", n: 2 },
      ],
      [
        { name: "a", n: 1 },
        { name: "a", n: 3 },
      ],
      { added: 0, removed: 0, changed: 1 },
    ],
  ])("%s", (_what, before, after, counts) => {
    const diff = diffRows(before, after, key, ["name", "n"]);
    expect({ added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length }).toEqual(counts);
  });
});
