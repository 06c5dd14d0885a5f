import { describe, expect, test } from "vitest";
import {
  applicationPhase,
  canTransition,
  checkTransition,
  isProgramEditable,
  isProgramPublished,
  nextStates,
  offeredTransitions,
  programStatuses,
  programTransitions,
  type ProgramStatus,
  type TransitionFacts,
} from "~/features/programs/program-lifecycle";

const allowed: [ProgramStatus, ProgramStatus][] = [
  ["draft", "open"],
  ["open", "draft"],
  ["open", "reviewing"],
  ["reviewing", "deciding"],
  ["deciding", "notice"],
  ["notice", "running"],
  ["running", "closed"],
];

describe("program transition table", () => {
  test("holds exactly the moves of the lifecycle", () => {
    expect(programTransitions.map((transition) => [transition.from, transition.to])).toEqual(allowed);
  });

  test.each(allowed)("allows %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  test.each([
    ["draft", "reviewing"],
    ["draft", "closed"],
    ["draft", "draft"],
    ["open", "open"],
    ["open", "closed"],
    ["reviewing", "open"],
    ["reviewing", "draft"],
    ["notice", "deciding"],
    ["running", "open"],
    ["closed", "draft"],
    ["closed", "open"],
    ["archived", "open"],
    ["open", "archived"],
  ])("refuses %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  test.each<[string, ProgramStatus[]]>([
    ["draft", ["open"]],
    ["open", ["draft", "reviewing"]],
    ["reviewing", ["deciding"]],
    ["deciding", ["notice"]],
    ["notice", ["running"]],
    ["running", ["closed"]],
    ["closed", []],
    ["nonsense", []],
  ])("from %s the next states are %j", (status, states) => {
    expect(nextStates(status)).toEqual(states);
  });

  test("every status but closed has a way forward", () => {
    for (const status of programStatuses.filter((s) => s !== "closed"))
      expect(nextStates(status).length).toBeGreaterThan(0);
  });
});

describe("offeredTransitions", () => {
  test.each<[string, number, string[]]>([
    ["draft", 0, ["open"]],
    ["open", 0, ["draft"]],
    // A proposal (a draft is enough) makes going back to draft impossible, so it is not offered.
    ["open", 1, []],
    // Moves of later releases are not offered yet.
    ["reviewing", 0, []],
  ])("from %s with %i proposals: %j", (status, proposalCount, offered) => {
    expect(offeredTransitions(status, proposalCount)).toEqual(offered);
  });
});

describe("checkTransition preconditions", () => {
  const now = "2026-12-01T02:00:00.000Z";
  const facts = (overrides: Partial<TransitionFacts> = {}): TransitionFacts => ({
    now,
    closesAt: "2026-12-21T10:00:00.000Z",
    programComplete: true,
    proposalCount: 0,
    ...overrides,
  });

  test.each<[string, ProgramStatus, ProgramStatus, Partial<TransitionFacts>, string | null]>([
    ["opens a complete program whose window closes later", "draft", "open", {}, null],
    ["refuses to open an incomplete program", "draft", "open", { programComplete: false }, "programComplete"],
    [
      "refuses to open a program whose window has closed",
      "draft",
      "open",
      { closesAt: "2026-11-30T00:00:00.000Z" },
      "closesInFuture",
    ],
    ["refuses to open a program that closes right now", "draft", "open", { closesAt: now }, "closesInFuture"],
    ["takes an open program without proposals back to draft", "open", "draft", {}, null],
    ["keeps an open program with proposals open", "open", "draft", { proposalCount: 1 }, "noProposals"],
    ["starts review once the window has closed", "open", "reviewing", { closesAt: "2026-11-30T00:00:00.000Z" }, null],
    ["does not start review while the window is open", "open", "reviewing", {}, "windowClosed"],
    ["refuses a move the table does not have", "draft", "closed", {}, "notAllowed"],
  ])("%s", (_name, from, to, overrides, reason) => {
    const result = checkTransition(from, to, facts(overrides));
    if (reason === null) expect(result).toMatchObject({ ok: true, transition: { from, to } });
    else expect(result).toEqual({ ok: false, reason });
  });

  test("names the audit event of the move", () => {
    expect(checkTransition("draft", "open", facts())).toMatchObject({
      ok: true,
      transition: { action: "program.opened" },
    });
  });
});

describe("status rules", () => {
  test.each<[ProgramStatus, boolean, boolean]>([
    ["draft", true, false],
    ["open", true, true],
    ["reviewing", false, true],
    ["deciding", false, true],
    ["notice", false, true],
    ["running", false, true],
    ["closed", false, true],
  ])("%s: editable %s, published %s", (status, editable, published) => {
    expect(isProgramEditable(status)).toBe(editable);
    expect(isProgramPublished(status)).toBe(published);
  });
});

describe("applicationPhase", () => {
  const window = { opensAt: "2026-12-01T01:00:00.000Z", closesAt: "2026-12-21T09:00:00.000Z" };
  test.each<[string, string, string, string | null]>([
    ["a draft has no phase", "draft", "2026-12-10T00:00:00.000Z", null],
    ["an open program before its window is upcoming", "open", "2026-11-30T00:00:00.000Z", "upcoming"],
    ["an open program at its opening instant accepts proposals", "open", "2026-12-01T01:00:00.000Z", "accepting"],
    ["an open program inside its window accepts proposals", "open", "2026-12-10T00:00:00.000Z", "accepting"],
    ["an open program at its closing instant is closed", "open", "2026-12-21T09:00:00.000Z", "closed"],
    ["a program in review is closed to proposals", "reviewing", "2026-12-10T00:00:00.000Z", "closed"],
  ])("%s", (_name, status, now, phase) => {
    expect(applicationPhase({ status, ...window }, now)).toBe(phase);
  });
});
