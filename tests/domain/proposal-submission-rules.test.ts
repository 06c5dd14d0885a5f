import { describe, expect, test } from "vitest";
import { translatorFor } from "~/lib/i18n/i18n.server";
import type { BudgetLineInput, ProposalContent } from "~/features/proposals/content";
import { ruleFieldErrors, ruleMessage } from "~/features/proposals/rule-messages";
import {
  type ApplicantFacts,
  checkSubmission,
  type ProgramRules,
  type RuleError,
} from "~/features/proposals/submission-rules";

const program: ProgramRules = {
  status: "open",
  opensAt: "2026-03-01T00:00:00.000Z",
  closesAt: "2026-03-31T16:00:00.000Z",
  grantMinFen: 300_000,
  grantMaxFen: 3_000_000,
  filedTeamGrantMaxFen: 500_000,
  maxGrantShareBp: 8000,
  personnelCapBp: 3000,
  managementCapBp: 1000,
  prohibitedCategories: ["fixed_assets", "cash_gifts", "hospitality"],
  proposalsPerOrg: 2,
  eligibleKinds: ["registered", "filed_team"],
  minRating: null,
  implementationStartsOn: "2026-05-01",
  implementationEndsOn: "2026-12-31",
  categoryIds: [11, 12],
  targetGroupIds: [21, 22, 23, 24],
};

const applicant: ApplicantFacts = {
  kind: "registered",
  rating: null,
  ratingExpiresOn: null,
  otherCountingProposals: 0,
};
const clock = { now: "2026-03-15T02:00:00.000Z", today: "2026-03-15" };

const line = (overrides: Partial<BudgetLineInput> = {}): BudgetLineInput => ({
  category: "activity_materials",
  item: "助老探访慰问包",
  unitPriceFen: 5_000,
  quantityHundredths: 10_000,
  unit: "份",
  fundingSource: "grant",
  basis: "50 元/份 × 100 份",
  ...overrides,
});

// ¥5,000 grant-funded materials + ¥1,500 self-raised: grant share 76.9%.
function validContent(): ProposalContent {
  return {
    title: "银龄相伴·独居老人探访",
    programCategoryId: 11,
    targetGroupIds: [21],
    serviceCommunity: "幸福社区",
    startsOn: "2026-05-01",
    endsOn: "2026-10-31",
    expectedBeneficiaries: 60,
    summary: "每周两次上门探访辖区 60 位独居老人。",
    needs: "辖区独居老人 60 余位，缺少日常陪伴。",
    goals: "建立结对探访机制。",
    activityPlan: "招募志愿者、培训、每周探访、季度联谊。",
    innovation: "",
    sustainability: "与社区养老服务站衔接。",
    risks: "老人突发疾病：志愿者持急救证上岗。",
    teamMembers: [{ name: "李阿姨", role: "项目负责人", qualification: "助理社会工作师" }],
    budgetLines: [
      line(),
      line({
        category: "publicity",
        item: "宣传海报",
        unitPriceFen: 15_000,
        quantityHundredths: 1_000,
        fundingSource: "self_raised",
      }),
    ],
    milestones: [{ title: "完成志愿者招募培训", dueOn: "2026-05-31", deliverable: "培训签到表" }],
    indicatorTargets: [{ indicator: "service_visits", customName: "", customUnit: "", targetValue: 1_200, split: [] }],
  };
}

const paths = (errors: RuleError[]) => errors.map((error) => `${error.path}:${error.code}`);

describe("checkSubmission", () => {
  test("a complete proposal inside every rule passes", () => {
    expect(checkSubmission(validContent(), program, applicant, clock)).toEqual([]);
  });

  test.each<
    [string, (content: ProposalContent) => void, Partial<ProgramRules>, Partial<ApplicantFacts>, string, string[]]
  >([
    ["window not open yet", () => {}, {}, {}, "2026-02-28T23:59:59.000Z", ["programWindow:windowNotOpenYet"]],
    [
      "window closed (server time at the second)",
      () => {},
      {},
      {},
      "2026-03-31T16:00:00.000Z",
      ["programWindow:windowClosed"],
    ],
    ["program no longer open", () => {}, { status: "reviewing" }, {}, clock.now, ["programWindow:programNotAccepting"]],
    [
      "kind not eligible",
      () => {},
      { eligibleKinds: ["registered"] },
      { kind: "filed_team" },
      clock.now,
      ["organization:kindNotEligible"],
    ],
    ["rating required, none held", () => {}, { minRating: "3A" }, {}, clock.now, ["organization:ratingMissing"]],
    [
      "rating below the minimum",
      () => {},
      { minRating: "3A" },
      { rating: "2A", ratingExpiresOn: "2028-01-01" },
      clock.now,
      ["organization:ratingBelowMinimum"],
    ],
    [
      "rating expired",
      () => {},
      { minRating: "3A" },
      { rating: "4A", ratingExpiresOn: "2026-03-14" },
      clock.now,
      ["organization:ratingExpired"],
    ],
    ["filed teams are not held to a rating", () => {}, { minRating: "3A" }, { kind: "filed_team" }, clock.now, []],
    [
      "organisation at its proposal limit",
      () => {},
      {},
      { otherCountingProposals: 2 },
      clock.now,
      ["organization:proposalLimitReached"],
    ],
    [
      "grant above the maximum",
      (c) =>
        (c.budgetLines = [
          line({ unitPriceFen: 3_000_001, quantityHundredths: 100 }),
          line({ fundingSource: "self_raised", unitPriceFen: 1_000_000, quantityHundredths: 100 }),
        ]),
      {},
      {},
      clock.now,
      ["grantRequested:grantAboveMax"],
    ],
    [
      "grant above the lower maximum for street-filed teams",
      (c) =>
        (c.budgetLines = [
          line({ unitPriceFen: 600_000, quantityHundredths: 100 }),
          line({ fundingSource: "self_raised", unitPriceFen: 600_000, quantityHundredths: 100 }),
        ]),
      {},
      { kind: "filed_team" },
      clock.now,
      ["grantRequested:grantAboveFiledTeamMax"],
    ],
    [
      "grant below the minimum",
      (c) => (c.budgetLines = [line({ quantityHundredths: 100 }), line({ fundingSource: "self_raised" })]),
      {},
      {},
      clock.now,
      ["grantRequested:grantBelowMin"],
    ],
    [
      "grant share above 80% of the total",
      (c) => (c.budgetLines = [line()]),
      {},
      {},
      clock.now,
      ["grantRequested:grantShareAboveMax"],
    ],
    [
      "management above 10% of the grant",
      (c) =>
        c.budgetLines.push(
          line({ category: "management", unitPriceFen: 60_001, quantityHundredths: 100 }),
          line({ fundingSource: "self_raised", unitPriceFen: 100_000, quantityHundredths: 100 }),
        ),
      {},
      {},
      clock.now,
      ["budgetLines:managementAboveCap"],
    ],
    [
      "self-raised management does not count against the grant's cap",
      (c) =>
        c.budgetLines.push(
          line({
            category: "management",
            fundingSource: "self_raised",
            unitPriceFen: 100_000,
            quantityHundredths: 100,
          }),
        ),
      {},
      {},
      clock.now,
      [],
    ],
    [
      "personnel above 30% of the grant",
      (c) =>
        c.budgetLines.push(
          line({ category: "personnel", unitPriceFen: 300_000, quantityHundredths: 100 }),
          line({ fundingSource: "self_raised", unitPriceFen: 300_000, quantityHundredths: 100 }),
        ),
      {},
      {},
      clock.now,
      ["budgetLines:personnelAboveCap"],
    ],
    [
      "prohibited category on row 2",
      (c) => c.budgetLines.push(null, line({ category: "fixed_assets", fundingSource: "self_raised" })),
      {},
      {},
      clock.now,
      ["budgetLines.3.category:prohibitedCategory"],
    ],
    [
      "zero unit price",
      (c) => c.budgetLines.push(line({ unitPriceFen: 0, fundingSource: "self_raised" })),
      {},
      {},
      clock.now,
      ["budgetLines.2.unitPrice:valueNotPositive"],
    ],
    [
      "project starts before implementation",
      (c) => (c.startsOn = "2026-04-30"),
      {},
      {},
      clock.now,
      ["startsOn:periodStartsTooEarly"],
    ],
    [
      "project ends after implementation",
      (c) => (c.endsOn = "2027-01-01"),
      {},
      {},
      clock.now,
      ["endsOn:periodEndsTooLate"],
    ],
    [
      "project ends before it starts",
      (c) => (c.endsOn = "2026-04-30"),
      { implementationStartsOn: "2026-01-01" },
      {},
      clock.now,
      ["endsOn:periodEndsBeforeStart"],
    ],
    [
      "milestone outside the project period",
      (c) => c.milestones.push({ title: "结项", dueOn: "2026-11-15", deliverable: "总结报告" }),
      {},
      {},
      clock.now,
      ["milestones.1.dueOn:milestoneOutsidePeriod"],
    ],
    ["no impact target", (c) => (c.indicatorTargets = [null]), {}, {}, clock.now, ["indicatorTargets:noImpactTargets"]],
    [
      "satisfaction above 100%",
      (c) =>
        c.indicatorTargets.push({
          indicator: "satisfaction",
          customName: "",
          customUnit: "",
          targetValue: 120,
          split: [],
        }),
      {},
      {},
      clock.now,
      ["indicatorTargets.1.targetValue:percentAbove100"],
    ],
    [
      "the same indicator twice",
      (c) =>
        c.indicatorTargets.push({
          indicator: "service_visits",
          customName: "",
          customUnit: "",
          targetValue: 10,
          split: [],
        }),
      {},
      {},
      clock.now,
      ["indicatorTargets.1.indicator:duplicateIndicator"],
    ],
    [
      "split larger than the target",
      (c) =>
        (c.indicatorTargets[0] = {
          indicator: "beneficiaries",
          customName: "",
          customUnit: "",
          targetValue: 60,
          split: [
            { targetGroupId: 21, value: 50 },
            { targetGroupId: 22, value: 20 },
          ],
        }),
      {},
      {},
      clock.now,
      ["indicatorTargets.0.split:splitExceedsTarget"],
    ],
    [
      "custom indicator without name and unit",
      (c) =>
        (c.indicatorTargets[0] = { indicator: "custom", customName: "", customUnit: "", targetValue: 5, split: [] }),
      {},
      {},
      clock.now,
      ["indicatorTargets.0.customName:required", "indicatorTargets.0.customUnit:required"],
    ],
    [
      "focus area of another program",
      (c) => (c.programCategoryId = 99),
      {},
      {},
      clock.now,
      ["programCategoryId:focusAreaNotInProgram"],
    ],
    [
      "target group of another program",
      (c) => (c.targetGroupIds = [21, 99]),
      {},
      {},
      clock.now,
      ["targetGroupIds:targetGroupNotInProgram"],
    ],
    [
      "required fields and rows",
      (c) => {
        c.title = "";
        c.programCategoryId = null;
        c.targetGroupIds = [];
        c.teamMembers = [{ name: "", role: "志愿者", qualification: "" }];
        c.budgetLines[1] = { ...line({ fundingSource: "self_raised" }), unit: "", category: null };
        c.milestones = [];
      },
      {},
      {},
      clock.now,
      [
        "title:required",
        "programCategoryId:required",
        "targetGroupIds:required",
        "teamMembers.0.name:required",
        "budgetLines.1.category:required",
        "budgetLines.1.unit:required",
        "milestones:noMilestones",
      ],
    ],
  ])("%s", (_name, change, programChanges, applicantChanges, now, expected) => {
    const content = validContent();
    change(content);
    const errors = checkSubmission(
      content,
      { ...program, ...programChanges },
      { ...applicant, ...applicantChanges },
      { ...clock, now },
    );
    expect(paths(errors)).toEqual(expected);
  });

  test("a cap error carries the amounts its message shows", () => {
    const content = validContent();
    content.budgetLines.push(
      line({ category: "management", unitPriceFen: 60_000, quantityHundredths: 100 }),
      line({ fundingSource: "self_raised", unitPriceFen: 100_000, quantityHundredths: 100 }),
    );
    const [error] = checkSubmission(content, program, applicant, clock);
    expect(error).toEqual({
      path: "budgetLines",
      code: "managementAboveCap",
      params: { capBp: 1000, capFen: 56_000, spentFen: 60_000 },
    });
  });

  test("the form shows every message of a path, once each and in order", () => {
    const errors: RuleError[] = [
      {
        path: "grantRequested",
        code: "grantAboveMax",
        params: { grantMaxFen: 3_000_000, grantRequestedFen: 4_200_000 },
      },
      { path: "grantRequested", code: "grantShareAboveMax", params: { maxGrantShareBp: 8000, grantShareBp: 9767 } },
      { path: "title", code: "required" },
      { path: "title", code: "required" },
    ];
    const t = translatorFor("zh-CN");
    const messages = ruleFieldErrors(errors, t, "zh-CN");
    expect(Object.keys(messages)).toEqual(["grantRequested", "title"]);
    expect(messages.grantRequested).toBe(
      `${ruleMessage(errors[0]!, t, "zh-CN")} ${ruleMessage(errors[1]!, t, "zh-CN")}`,
    );
    expect(messages.grantRequested).toContain("¥42,000.00");
    expect(messages.grantRequested).toContain("97.67%");
    expect(messages.title).toBe(t("validation:required"));
  });
});
