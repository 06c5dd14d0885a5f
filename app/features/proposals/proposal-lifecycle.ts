// Decides which proposal state follows which event (architecture.md §3): draft → submitted → (returned → submitted)*
// → eligible | ineligible → in_review → awarded | not_funded → active → completed | terminated; withdrawn from any
// state before the award decision. Content can change only in draft and returned; everything else is frozen.
export const proposalStatuses = [
  "draft",
  "submitted",
  "returned",
  "eligible",
  "ineligible",
  "in_review",
  "awarded",
  "not_funded",
  "active",
  "completed",
  "terminated",
  "withdrawn",
] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export const proposalEvents = [
  "submit",
  "return",
  "markEligible",
  "markIneligible",
  "startReview",
  "award",
  "decline",
  "sign",
  "complete",
  "terminate",
  "withdraw",
] as const;
export type ProposalEvent = (typeof proposalEvents)[number];

/** The whole state machine: for each state, the events it accepts and where each one leads. */
export const proposalTransitions: Record<ProposalStatus, Partial<Record<ProposalEvent, ProposalStatus>>> = {
  draft: { submit: "submitted", withdraw: "withdrawn" },
  submitted: { return: "returned", markEligible: "eligible", markIneligible: "ineligible", withdraw: "withdrawn" },
  // A returned proposal is edited and submitted again as the next version.
  returned: { submit: "submitted", withdraw: "withdrawn" },
  eligible: { startReview: "in_review", withdraw: "withdrawn" },
  ineligible: {},
  in_review: { award: "awarded", decline: "not_funded", withdraw: "withdrawn" },
  awarded: { sign: "active" },
  not_funded: {},
  active: { complete: "completed", terminate: "terminated" },
  completed: {},
  terminated: {},
  withdrawn: {},
};

export function isProposalStatus(value: string): value is ProposalStatus {
  return (proposalStatuses as readonly string[]).includes(value);
}

/** The state after the event, or null when the event is not allowed in that state. */
export function nextStatus(status: string, event: ProposalEvent): ProposalStatus | null {
  if (!isProposalStatus(status)) return null;
  return proposalTransitions[status][event] ?? null;
}

export function canTransition(status: string, event: ProposalEvent): boolean {
  return nextStatus(status, event) !== null;
}

/** The applicant may change the content only while it is theirs: before the first submission or when returned. */
export function isEditableStatus(status: string): boolean {
  return status === "draft" || status === "returned";
}

/** Statuses that count against the program's proposals-per-organisation limit: everything handed in and alive. */
export function countsTowardsLimit(status: string): boolean {
  return status !== "draft" && status !== "withdrawn";
}

export const statusesCountingTowardsLimit = proposalStatuses.filter(countsTowardsLimit);

/** Badge tone per status, so every list shows the same colour for the same state. */
export function statusTone(status: string): "neutral" | "info" | "success" | "warning" | "danger" {
  switch (status) {
    case "submitted":
    case "in_review":
      return "info";
    case "eligible":
    case "awarded":
    case "active":
    case "completed":
      return "success";
    case "returned":
      return "warning";
    case "ineligible":
    case "not_funded":
    case "terminated":
      return "danger";
    default:
      return "neutral";
  }
}
