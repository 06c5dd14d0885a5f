// How a program pays each grant out: tranches as shares (basis points) of the grant, each released when its gate
// is met (agreement signed, mid-term report approved, final report approved). Decides which plans are valid and
// how a plan is stored (JSON text in program.tranche_plan).
import { z } from "zod";

/** Gates in the order they happen in a project's life; a later tranche never waits on an earlier gate. */
export const trancheGates = ["signing", "midterm_approved", "final_approved"] as const;
export type TrancheGate = (typeof trancheGates)[number];

export const tranchePresets = ["50-40-10", "60-40", "custom"] as const;
export type TranchePreset = (typeof tranchePresets)[number];
export type FixedTranchePreset = Exclude<TranchePreset, "custom">;

export interface Tranche {
  shareBp: number;
  gate: TrancheGate;
}

export interface TranchePlan {
  preset: TranchePreset;
  tranches: Tranche[];
}

export const FULL_SHARE_BP = 10_000;
export const MAX_TRANCHES = 6;

/** The two schemes seen in practice (天津滨海 50/40/10; sign-and-final 60/40), see domain-research §1.3. */
export const presetTranches: Record<FixedTranchePreset, readonly Tranche[]> = {
  "50-40-10": [
    { shareBp: 5000, gate: "signing" },
    { shareBp: 4000, gate: "midterm_approved" },
    { shareBp: 1000, gate: "final_approved" },
  ],
  "60-40": [
    { shareBp: 6000, gate: "signing" },
    { shareBp: 4000, gate: "final_approved" },
  ],
};

export type TranchePlanProblem = "count" | "share" | "sum" | "order";

/** The first thing wrong with a list of tranches, or null when it is a valid plan. */
export function findTranchePlanProblem(tranches: readonly Tranche[]): TranchePlanProblem | null {
  if (tranches.length < 1 || tranches.length > MAX_TRANCHES) return "count";
  if (tranches.some((tranche) => !Number.isInteger(tranche.shareBp) || tranche.shareBp <= 0)) return "share";
  if (tranches.reduce((sum, tranche) => sum + tranche.shareBp, 0) !== FULL_SHARE_BP) return "sum";
  const ranks = tranches.map((tranche) => trancheGates.indexOf(tranche.gate));
  if (ranks.some((rank, index) => index > 0 && rank < (ranks[index - 1] ?? 0))) return "order";
  return null;
}

export function isFixedPreset(value: unknown): value is FixedTranchePreset {
  return typeof value === "string" && Object.hasOwn(presetTranches, value);
}

export function planForPreset(preset: FixedTranchePreset): TranchePlan {
  return { preset, tranches: presetTranches[preset].map((tranche) => ({ ...tranche })) };
}

export function customPlan(tranches: readonly Tranche[]): TranchePlan {
  return { preset: "custom", tranches: tranches.map(({ shareBp, gate }) => ({ shareBp, gate })) };
}

export function serializeTranchePlan(plan: TranchePlan): string {
  return JSON.stringify({
    preset: plan.preset,
    tranches: plan.tranches.map(({ shareBp, gate }) => ({ shareBp, gate })),
  });
}

const StoredPlanSchema = z.object({
  preset: z.enum(tranchePresets),
  tranches: z.array(z.object({ shareBp: z.number().int(), gate: z.enum(trancheGates) })),
});

/** Reads a stored plan; a malformed or invalid one is a data fault, not user input, so it throws. */
export function parseTranchePlan(text: string): TranchePlan {
  const plan = StoredPlanSchema.parse(JSON.parse(text));
  const problem = findTranchePlanProblem(plan.tranches);
  if (problem) throw new Error(`Stored tranche plan is invalid (${problem})`);
  return plan;
}
