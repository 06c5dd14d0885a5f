import { describe, expect, test } from "vitest";
import { ProposalDraftSchema, ProposalSubmitSchema } from "~/features/proposals/schemas";
import { formDataToObject } from "~/lib/form-data";
import { issuesToFieldErrors } from "~/lib/validation";

function parse(schema: typeof ProposalDraftSchema | typeof ProposalSubmitSchema, fields: [string, string][]) {
  const formData = new FormData();
  for (const [name, value] of fields) formData.append(name, value);
  return schema.safeParse(formDataToObject(formData));
}

function errorsOf(result: ReturnType<typeof parse>) {
  return result.success ? {} : issuesToFieldErrors(result.error.issues);
}

// A spare row as the page renders it without JavaScript: empty inputs, the funding source preselected.
const spareBudgetRow = (index: number): [string, string][] =>
  ["category", "item", "unitPrice", "quantity", "unit", "basis"]
    .map((field) => [`budgetLines.${index}.${field}`, ""] as [string, string])
    .concat([[`budgetLines.${index}.fundingSource`, "grant"]]);

describe("ProposalDraftSchema", () => {
  test("an empty form is a valid draft", () => {
    const result = parse(ProposalDraftSchema, []);
    expect(result.success).toBe(true);
    expect(result.data?.budgetLines).toEqual([]);
    expect(result.data?.title).toBe("");
  });

  test("blank rows become null in place, so later rows keep their positions", () => {
    const result = parse(ProposalDraftSchema, [
      ...spareBudgetRow(0),
      ["budgetLines.1.item", "活动物资"],
      ["budgetLines.1.unitPrice", "1.5万"],
      ["budgetLines.1.quantity", "1.5"],
      ["budgetLines.1.fundingSource", "self_raised"],
      ...spareBudgetRow(2),
      ["indicatorTargets.0.indicator", ""],
      ["indicatorTargets.0.split.0.targetGroupId", "21"],
      ["indicatorTargets.0.split.0.value", ""],
    ]);
    expect(result.success).toBe(true);
    expect(result.data?.budgetLines).toEqual([
      null,
      {
        category: null,
        item: "活动物资",
        unitPriceFen: 1_500_000,
        quantityHundredths: 150,
        unit: "",
        fundingSource: "self_raised",
        basis: "",
      },
      null,
    ]);
    expect(result.data?.indicatorTargets).toEqual([null]);
  });

  test("keeps typed split values with their target group", () => {
    const result = parse(ProposalDraftSchema, [
      ["indicatorTargets.0.indicator", "beneficiaries"],
      ["indicatorTargets.0.targetValue", "1,200"],
      ["indicatorTargets.0.split.0.targetGroupId", "21"],
      ["indicatorTargets.0.split.0.value", "800"],
      ["indicatorTargets.0.split.1.targetGroupId", "22"],
      ["indicatorTargets.0.split.1.value", ""],
    ]);
    expect(result.data?.indicatorTargets[0]).toEqual({
      indicator: "beneficiaries",
      customName: "",
      customUnit: "",
      targetValue: 1_200,
      split: [{ targetGroupId: 21, value: 800 }],
    });
  });

  test.each<[string, [string, string][], Record<string, string>]>([
    [
      "an amount with three decimals",
      [["budgetLines.0.unitPrice", "12.345"]],
      { "budgetLines.0.unitPrice": "validation:amount.tooManyDecimals" },
    ],
    [
      "words for a quantity",
      [["budgetLines.0.quantity", "三"]],
      { "budgetLines.0.quantity": "proposals:errors.quantity" },
    ],
    [
      "a line amount beyond any program",
      [
        ["budgetLines.0.unitPrice", "9999999999"],
        ["budgetLines.0.quantity", "1000"],
      ],
      { "budgetLines.0.quantity": "proposals:errors.amountTooLarge" },
    ],
    ["an impossible date", [["milestones.0.dueOn", "2026-02-30"]], { "milestones.0.dueOn": "validation:date" }],
    [
      "a category outside the catalogue",
      [["budgetLines.0.category", "yacht"]],
      { "budgetLines.0.category": expect.any(String) as unknown as string },
    ],
    [
      "a beneficiary count with a fraction",
      [["expectedBeneficiaries", "12.5"]],
      { expectedBeneficiaries: "validation:integer" },
    ],
  ])("refuses %s at its field", (_name, fields, expected) => {
    expect(errorsOf(parse(ProposalDraftSchema, fields))).toEqual(expected);
  });

  test("a summary over 300 characters is refused, 300 is fine", () => {
    expect(parse(ProposalDraftSchema, [["summary", "字".repeat(300)]]).success).toBe(true);
    expect(Object.keys(errorsOf(parse(ProposalDraftSchema, [["summary", "字".repeat(301)]])))).toEqual(["summary"]);
  });
});

describe("ProposalSubmitSchema", () => {
  test("names every missing field and row at its path", () => {
    const errors = errorsOf(
      parse(ProposalSubmitSchema, [
        ["title", "银龄相伴"],
        ["budgetLines.0.item", "宣传海报"],
        ["budgetLines.0.fundingSource", "grant"],
        ...spareBudgetRow(1),
      ]),
    );
    expect(errors).toMatchObject({
      programCategoryId: "validation:required",
      targetGroupIds: "validation:required",
      "budgetLines.0.category": "validation:required",
      "budgetLines.0.unitPrice": "validation:required",
      teamMembers: "proposals:rules.noTeamMembers",
      indicatorTargets: "proposals:rules.noImpactTargets",
    });
    expect(errors).not.toHaveProperty("title");
    expect(errors).not.toHaveProperty("budgetLines.1.category");
  });
});
