import { describe, expect, test } from "vitest";
import {
  newProgramFormValues,
  ProgramFormSchema,
  programToFormValues,
  withoutTrailingSpareRows,
} from "~/features/programs/schemas";
import { issuesToFieldErrors } from "~/lib/validation";
import { programFormValues } from "../support/program-form";

type Overrides = Record<string, string | string[] | null>;

function errorsFor(overrides: Overrides) {
  const result = ProgramFormSchema.safeParse(programFormValues(overrides));
  return result.success ? {} : issuesToFieldErrors(result.error.issues);
}

describe("program form schema", () => {
  test("reads a complete form into fen, basis points, UTC instants and a tranche plan", () => {
    const program = ProgramFormSchema.parse(
      programFormValues({ opensAt: "2026-12-01T09:00", closesAt: "2026-12-21T17:30", "categories.1.quota": "" }),
    );
    expect(program).toMatchObject({
      grantMinFen: 300_000,
      grantMaxFen: 3_000_000,
      filedTeamGrantMaxFen: 500_000,
      maxGrantShareBp: 8000,
      personnelCapBp: 3000,
      managementCapBp: 1000,
      opensAt: "2026-12-01T01:00:00.000Z",
      closesAt: "2026-12-21T09:30:00.000Z",
      minRating: null,
      proposalsPerOrg: 2,
      noticeWorkingDays: 5,
      categories: [
        { name: "为老服务", quota: 4 },
        { name: "儿童关爱", quota: null },
      ],
      fundingSources: [
        { name: "南七街道社区慈善基金", kind: "community_charity_fund", amountFen: 15_000_000 },
        { name: "蜀山区民政局福彩公益金", kind: "public_budget", amountFen: 10_000_000 },
      ],
      tranchePlan: { preset: "50-40-10", tranches: [{ shareBp: 5000 }, { shareBp: 4000 }, { shareBp: 1000 }] },
    });
    expect(program.targetGroups).toEqual([
      { id: null, code: "elderly", name: null },
      { id: null, code: "children", name: null },
      { id: null, code: "needy", name: null },
      { id: null, code: "disabled", name: null },
      { id: null, code: "custom", name: "新市民" },
    ]);
  });

  test("keeps the row ids of focus areas and own target groups, and ignores ids that are not ids", () => {
    const program = ProgramFormSchema.parse(
      programFormValues({ "categories.0.id": "17", "categories.1.id": "x1", "customTargetGroups.0.id": "9" }),
    );
    expect(program.categories.map((row) => row.id)).toEqual([17, null]);
    expect(program.targetGroups.at(-1)).toEqual({ id: 9, code: "custom", name: "新市民" });
  });

  test.each<[string, Overrides, string, string]>([
    [
      "a window that closes before it opens",
      { opensAt: "2026-12-10T09:00", closesAt: "2026-12-01T09:00" },
      "closesAt",
      "programs:errors.closesBeforeOpens",
    ],
    [
      "a window that closes the moment it opens",
      { opensAt: "2026-12-10T09:00", closesAt: "2026-12-10T09:00" },
      "closesAt",
      "programs:errors.closesBeforeOpens",
    ],
    [
      "grant minimum above maximum",
      { grantMin: "5万", grantMax: "3万" },
      "grantMin",
      "programs:errors.grantMinAboveMax",
    ],
    [
      "custom tranche shares adding to 90%",
      {
        tranchePreset: "custom",
        "tranches.0.share": "50",
        "tranches.0.gate": "signing",
        "tranches.1.share": "40",
        "tranches.1.gate": "final_approved",
      },
      "tranches",
      "programs:errors.trancheSum",
    ],
    [
      "custom tranches whose gates go backwards",
      {
        tranchePreset: "custom",
        "tranches.0.share": "50",
        "tranches.0.gate": "final_approved",
        "tranches.1.share": "50",
        "tranches.1.gate": "signing",
      },
      "tranches",
      "programs:errors.trancheOrder",
    ],
    [
      "a custom plan without any tranche",
      { tranchePreset: "custom", "tranches.0.share": "" },
      "tranches.0.share",
      "validation:required",
    ],
    [
      "a funding amount with three decimals",
      { "fundingSources.1.amount": "12.345" },
      "fundingSources.1.amount",
      "validation:amount.tooManyDecimals",
    ],
    ["a grant maximum with three decimals", { grantMax: "30000.005" }, "grantMax", "validation:amount.tooManyDecimals"],
    ["a negative amount", { grantMin: "-100" }, "grantMin", "validation:amount.negative"],
    [
      "a funding source of nothing",
      { "fundingSources.0.amount": "0" },
      "fundingSources.0.amount",
      "programs:errors.amountPositive",
    ],
    [
      "implementation ending before it starts",
      { implementationStartsOn: "2027-03-01", implementationEndsOn: "2027-02-28" },
      "implementationEndsOn",
      "programs:errors.implementationEndsBeforeStart",
    ],
    [
      "a filed-team maximum above the grant maximum",
      { filedTeamGrantMax: "4万" },
      "filedTeamGrantMax",
      "programs:errors.filedTeamMaxAboveMax",
    ],
    [
      "a filed-team maximum below the grant minimum",
      { filedTeamGrantMax: "1000" },
      "filedTeamGrantMax",
      "programs:errors.filedTeamMaxBelowMin",
    ],
    ["a grant maximum above the whole pool", { grantMax: "26万" }, "grantMax", "programs:errors.grantMaxAbovePool"],
    [
      "no focus area",
      { "categories.0.name": "", "categories.0.quota": "", "categories.1.name": "" },
      "categories.0.name",
      "validation:required",
    ],
    [
      "a focus area named twice",
      { "categories.1.name": "为老服务" },
      "categories.1.name",
      "programs:errors.duplicateName",
    ],
    ["a quota that is not a whole number", { "categories.0.quota": "2.5" }, "categories.0.quota", "validation:integer"],
    [
      "no funding source",
      {
        "fundingSources.0.name": "",
        "fundingSources.0.amount": "",
        "fundingSources.1.name": "",
        "fundingSources.1.amount": "",
      },
      "fundingSources.0.name",
      "validation:required",
    ],
    [
      "no target group at all",
      { targetGroups: [], "customTargetGroups.0.name": "" },
      "targetGroups",
      "programs:errors.targetGroupRequired",
    ],
    ["no eligible applicant kind", { eligibleKinds: [] }, "eligibleKinds", "programs:errors.chooseAtLeastOne"],
    ["a date that does not exist", { opensAt: "2027-02-30T09:00" }, "opensAt", "validation:dateTime"],
    ["an unknown rating", { minRating: "6A" }, "minRating", ""],
    ["a share above 100%", { maxGrantShare: "120" }, "maxGrantShare", "validation:share.invalid"],
    ["a missing title", { title: "  " }, "title", ""],
  ])("refuses %s on the field it is about", (_name, overrides, field, message) => {
    const errors = errorsFor(overrides);
    expect(Object.keys(errors)).toContain(field);
    if (message) expect(errors[field]).toBe(message);
  });

  test.each<[string, unknown]>([
    ["an empty body", {}],
    ["a body without a payment plan", programFormValues({ tranchePreset: null })],
    ["a body with an unknown payment plan", programFormValues({ tranchePreset: "30-70" })],
    ["something that is not a form", "title=x"],
  ])("refuses %s with a message instead of failing", (_name, body) => {
    const result = ProgramFormSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.length).toBeGreaterThan(0);
  });

  test("a negative count is told its least value, not that it is not a whole number", () => {
    const result = ProgramFormSchema.safeParse(
      programFormValues({ proposalsPerOrg: "-1", "categories.0.quota": "-3" }),
    );
    const tooSmall = (field: string) =>
      result.error?.issues.find((issue) => issue.path.join(".") === field && issue.code === "too_small");
    expect(tooSmall("proposalsPerOrg")).toMatchObject({ minimum: 1 });
    expect(tooSmall("categories.0.quota")).toMatchObject({ minimum: 1 });
    expect(errorsFor({ "categories.0.quota": "2.5" })["categories.0.quota"]).toBe("validation:integer");
  });

  test("names the missing payment plan on its field", () => {
    expect(errorsFor({ tranchePreset: null })).toEqual({ tranchePreset: "validation:choose" });
  });

  test("reports problems in several places at once", () => {
    const errors = errorsFor({
      opensAt: "2026-12-10T09:00",
      closesAt: "2026-12-01T09:00",
      "fundingSources.0.amount": "1.234",
      title: "",
    });
    expect(Object.keys(errors).sort()).toEqual(["closesAt", "fundingSources.0.amount", "title"]);
  });

  test("ignores the custom tranche rows while a preset is chosen", () => {
    const program = ProgramFormSchema.parse(programFormValues({ tranchePreset: "60-40", "tranches.0.share": "abc" }));
    expect(program.tranchePlan).toEqual({
      preset: "60-40",
      tranches: [
        { shareBp: 6000, gate: "signing" },
        { shareBp: 4000, gate: "final_approved" },
      ],
    });
  });

  test("skips blank spare rows without moving the errors of the rows after them", () => {
    const errors = errorsFor({
      "categories.0.name": "",
      "categories.0.quota": "",
      "categories.1.name": "儿童关爱",
      "categories.2.name": "助残服务",
      "categories.2.quota": "很多",
    });
    expect(errors).toEqual({ "categories.2.quota": "validation:integer" });
  });

  test("accepts a custom plan whose shares add up to 100%", () => {
    const program = ProgramFormSchema.parse(
      programFormValues({
        tranchePreset: "custom",
        "tranches.0.share": "33.33",
        "tranches.0.gate": "signing",
        "tranches.1.share": "33.33",
        "tranches.1.gate": "midterm_approved",
        "tranches.2.share": "33.34",
        "tranches.2.gate": "final_approved",
      }),
    );
    expect(program.tranchePlan.tranches.map((tranche) => tranche.shareBp)).toEqual([3333, 3333, 3334]);
  });

  test.each<[string, Overrides]>([
    ["the default preset", {}],
    [
      "a custom plan and no optional caps",
      {
        tranchePreset: "custom",
        "tranches.0.share": "100",
        personnelCap: "",
        managementCap: "",
        filedTeamGrantMax: "",
        minRating: "3A",
      },
    ],
  ])("gives the same program back after a round trip through the form values (%s)", (_name, overrides) => {
    const program = ProgramFormSchema.parse(programFormValues(overrides));
    expect(ProgramFormSchema.parse(programToFormValues(program))).toEqual(program);
  });

  test("a new program's defaults are incomplete only where the manager must decide", () => {
    const result = ProgramFormSchema.safeParse(newProgramFormValues());
    expect(result.success).toBe(false);
    const fields = Object.keys(issuesToFieldErrors(result.error?.issues ?? [])).sort();
    expect(fields).toEqual([
      "categories.0.name",
      "closesAt",
      "description",
      "fundingSources.0.name",
      "grantMax",
      "grantMin",
      "implementationEndsOn",
      "implementationStartsOn",
      "opensAt",
      "summary",
      "title",
    ]);
  });

  test("drops blank rows at the end of a group when showing posted values again", () => {
    const values = withoutTrailingSpareRows(
      programFormValues({ "categories.2.name": "", "categories.3.name": "", "customTargetGroups.0.name": "" }),
    );
    expect(values.categories).toHaveLength(2);
    expect(values.customTargetGroups).toHaveLength(1);
  });
});
