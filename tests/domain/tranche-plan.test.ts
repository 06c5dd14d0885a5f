import { describe, expect, test } from "vitest";
import {
  customPlan,
  findTranchePlanProblem,
  parseTranchePlan,
  planForPreset,
  presetTranches,
  serializeTranchePlan,
  type Tranche,
} from "~/features/programs/tranche-plan";
import { TRANCHE_PLAN_50_40_10 } from "../factories";

const t = (shareBp: number, gate: Tranche["gate"]): Tranche => ({ shareBp, gate });

describe("findTranchePlanProblem", () => {
  test.each<[string, Tranche[]]>([
    ["the 50/40/10 preset", [...presetTranches["50-40-10"]]],
    ["the 60/40 preset", [...presetTranches["60-40"]]],
    ["one tranche of everything on signing", [t(10_000, "signing")]],
    ["two tranches on the same gate", [t(3000, "signing"), t(7000, "signing")]],
    ["shares with basis points", [t(3333, "signing"), t(3333, "midterm_approved"), t(3334, "final_approved")]],
    [
      "six tranches",
      [
        t(2000, "signing"),
        t(2000, "signing"),
        t(2000, "midterm_approved"),
        t(2000, "midterm_approved"),
        t(1000, "final_approved"),
        t(1000, "final_approved"),
      ],
    ],
  ])("accepts %s", (_name, tranches) => {
    expect(findTranchePlanProblem(tranches)).toBeNull();
  });

  test.each<[string, Tranche[], string]>([
    ["no tranche", [], "count"],
    ["seven tranches", Array.from({ length: 7 }, () => t(1000, "signing")), "count"],
    ["a zero share", [t(0, "signing"), t(10_000, "final_approved")], "share"],
    ["a negative share", [t(-1000, "signing"), t(11_000, "final_approved")], "share"],
    ["a fractional basis point", [t(5000.5, "signing"), t(4999.5, "final_approved")], "share"],
    ["shares adding to 90%", [t(5000, "signing"), t(4000, "final_approved")], "sum"],
    ["shares adding to 110%", [t(6000, "signing"), t(5000, "final_approved")], "sum"],
    ["shares adding to 99.99%", [t(5000, "signing"), t(4999, "final_approved")], "sum"],
    [
      "a final tranche before a mid-term one",
      [t(5000, "signing"), t(1000, "final_approved"), t(4000, "midterm_approved")],
      "order",
    ],
    ["signing after the mid-term", [t(5000, "midterm_approved"), t(5000, "signing")], "order"],
  ])("refuses %s (%s)", (_name, tranches, problem) => {
    expect(findTranchePlanProblem(tranches)).toBe(problem);
  });
});

describe("stored plans", () => {
  test("reads what the factories write", () => {
    expect(parseTranchePlan(JSON.stringify(TRANCHE_PLAN_50_40_10))).toEqual(planForPreset("50-40-10"));
  });

  test.each([
    planForPreset("50-40-10"),
    planForPreset("60-40"),
    customPlan([t(7000, "signing"), t(3000, "final_approved")]),
  ])("round-trips the %j plan", (plan) => {
    expect(parseTranchePlan(serializeTranchePlan(plan))).toEqual(plan);
  });

  test("a preset plan is a copy, so changing it cannot change the preset", () => {
    const plan = planForPreset("60-40");
    plan.tranches[0]!.shareBp = 1;
    expect(presetTranches["60-40"][0]!.shareBp).toBe(6000);
  });

  test.each([
    ["not JSON", "{"],
    ["an unknown gate", JSON.stringify({ preset: "custom", tranches: [{ shareBp: 10_000, gate: "whenever" }] })],
    ["shares not adding up", JSON.stringify({ preset: "custom", tranches: [{ shareBp: 9000, gate: "signing" }] })],
  ])("throws on a stored plan with %s", (_name, text) => {
    expect(() => parseTranchePlan(text)).toThrow();
  });
});
