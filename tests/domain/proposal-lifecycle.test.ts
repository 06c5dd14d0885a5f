import { describe, expect, test } from "vitest";
import {
  canTransition,
  countsTowardsLimit,
  isEditableStatus,
  nextStatus,
  type ProposalEvent,
  proposalStatuses,
  proposalTransitions,
} from "~/features/proposals/proposal-lifecycle";

describe("proposal lifecycle", () => {
  test.each<[string, ProposalEvent, string | null]>([
    ["draft", "submit", "submitted"],
    ["submitted", "return", "returned"],
    ["returned", "submit", "submitted"],
    ["submitted", "markEligible", "eligible"],
    ["submitted", "markIneligible", "ineligible"],
    ["eligible", "startReview", "in_review"],
    ["in_review", "award", "awarded"],
    ["in_review", "decline", "not_funded"],
    ["awarded", "sign", "active"],
    ["active", "complete", "completed"],
    ["active", "terminate", "terminated"],
    ["draft", "withdraw", "withdrawn"],
    ["submitted", "withdraw", "withdrawn"],
    ["returned", "withdraw", "withdrawn"],
    ["eligible", "withdraw", "withdrawn"],
    ["in_review", "withdraw", "withdrawn"],
    // after the award decision there is no withdrawing, and frozen content cannot be submitted again
    ["awarded", "withdraw", null],
    ["not_funded", "withdraw", null],
    ["active", "withdraw", null],
    ["submitted", "submit", null],
    ["eligible", "submit", null],
    ["withdrawn", "submit", null],
    ["draft", "return", null],
    ["ineligible", "markEligible", null],
    ["unknown-status", "submit", null],
  ])("%s --%s--> %s", (from, event, to) => {
    expect(nextStatus(from, event)).toBe(to);
    expect(canTransition(from, event)).toBe(to !== null);
  });

  test("every transition leads to a known status", () => {
    for (const targets of Object.values(proposalTransitions)) {
      for (const target of Object.values(targets)) expect(proposalStatuses).toContain(target);
    }
  });

  test.each([
    ["draft", true, false],
    ["returned", true, true],
    ["submitted", false, true],
    ["eligible", false, true],
    ["awarded", false, true],
    ["withdrawn", false, false],
  ])("%s: editable %s, counts towards the per-organisation limit %s", (status, editable, counts) => {
    expect(isEditableStatus(status)).toBe(editable);
    expect(countsTowardsLimit(status)).toBe(counts);
  });
});
