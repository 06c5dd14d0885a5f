// The program's life (architecture.md §3): draft → open → reviewing → deciding → notice → running → closed, as an
// explicit table of transitions, who may make each, and what must hold first. Decides whether a move is allowed;
// the data module writes it in one transaction with the audit event named here.
export const programStatuses = ["draft", "open", "reviewing", "deciding", "notice", "running", "closed"] as const;
export type ProgramStatus = (typeof programStatuses)[number];

export function isProgramStatus(value: unknown): value is ProgramStatus {
  return typeof value === "string" && (programStatuses as readonly string[]).includes(value);
}

/**
 * Facts a precondition looks at. The caller gathers them (inside the transaction that makes the move):
 * - programComplete: the stored program passes the program form's rules again;
 * - closesInFuture / windowClosed: closes_at against now;
 * - noProposals: no proposal of any state exists yet (counted by the proposals feature).
 */
export type ProgramPrecondition = "programComplete" | "closesInFuture" | "windowClosed" | "noProposals";

export interface TransitionFacts {
  now: string;
  closesAt: string;
  programComplete: boolean;
  proposalCount: number;
}

export interface ProgramTransition {
  from: ProgramStatus;
  to: ProgramStatus;
  /** Only funder staff move a program; platform admins look but do not act for a funder. */
  by: "manager";
  /** The audit event written with the change. */
  action: string;
  preconditions: readonly ProgramPrecondition[];
}

// Later issues add their own preconditions to the rows they make reachable (e.g. notice → running once the
// notice period has passed with no upheld objection).
export const programTransitions: readonly ProgramTransition[] = [
  {
    from: "draft",
    to: "open",
    by: "manager",
    action: "program.opened",
    preconditions: ["programComplete", "closesInFuture"],
  },
  { from: "open", to: "draft", by: "manager", action: "program.reverted_to_draft", preconditions: ["noProposals"] },
  { from: "open", to: "reviewing", by: "manager", action: "program.review_started", preconditions: ["windowClosed"] },
  { from: "reviewing", to: "deciding", by: "manager", action: "program.deciding_started", preconditions: [] },
  { from: "deciding", to: "notice", by: "manager", action: "program.notice_started", preconditions: [] },
  { from: "notice", to: "running", by: "manager", action: "program.running", preconditions: [] },
  { from: "running", to: "closed", by: "manager", action: "program.closed", preconditions: [] },
];

/** The moves the manage page offers in this release; the other rows belong to review, award and report work. */
export const transitionsOfferedNow: readonly ProgramStatus[] = ["open", "draft"];

export function findTransition(from: string, to: string): ProgramTransition | undefined {
  return programTransitions.find((transition) => transition.from === from && transition.to === to);
}

export function canTransition(from: string, to: string): boolean {
  return findTransition(from, to) !== undefined;
}

export function nextStates(status: string): ProgramStatus[] {
  return programTransitions.filter((transition) => transition.from === status).map((transition) => transition.to);
}

/**
 * The moves the manage page offers from a status. A move that needs the program to have no proposal is left out
 * once one exists (drafts included): no edit can make it possible, so offering it would only lead to a refusal.
 * Other failing preconditions stay offered, since their refusal says what to complete.
 */
export function offeredTransitions(status: string, proposalCount: number): ProgramStatus[] {
  return programTransitions
    .filter((transition) => transition.from === status && transitionsOfferedNow.includes(transition.to))
    .filter((transition) => proposalCount === 0 || !transition.preconditions.includes("noProposals"))
    .map((transition) => transition.to);
}

function holds(precondition: ProgramPrecondition, facts: TransitionFacts): boolean {
  switch (precondition) {
    case "programComplete":
      return facts.programComplete;
    case "closesInFuture":
      return facts.closesAt > facts.now;
    case "windowClosed":
      return facts.closesAt <= facts.now;
    case "noProposals":
      return facts.proposalCount === 0;
  }
}

export type TransitionCheck =
  { ok: true; transition: ProgramTransition } | { ok: false; reason: "notAllowed" | ProgramPrecondition };

/** Whether the move may be made now: the table allows it and its preconditions hold (the first failing one named). */
export function checkTransition(from: string, to: string, facts: TransitionFacts): TransitionCheck {
  const transition = findTransition(from, to);
  if (!transition) return { ok: false, reason: "notAllowed" };
  const failing = transition.preconditions.find((precondition) => !holds(precondition, facts));
  return failing ? { ok: false, reason: failing } : { ok: true, transition };
}

/**
 * Program content may change while it is a draft or accepting proposals. Once proposals are in review the rules
 * applicants answered to must hold still: later issues should lock from `reviewing` on (at the latest) the grant
 * rules, caps, eligibility, window and focus areas, and allow only corrections of text and typos through an
 * audited amendment, and lock the pool and tranche plan once awards exist.
 */
export function isProgramEditable(status: string): boolean {
  return status === "draft" || status === "open";
}

/** Everything but a draft has been published and is visible to the public. */
export function isProgramPublished(status: string): boolean {
  return isProgramStatus(status) && status !== "draft";
}

export type ApplicationPhase = "upcoming" | "accepting" | "closed";

/** Where a published program's application window stands at an instant; a draft has none. */
export function applicationPhase(
  program: { status: string; opensAt: string; closesAt: string },
  now: string,
): ApplicationPhase | null {
  if (!isProgramPublished(program.status)) return null;
  if (program.status !== "open" || program.closesAt <= now) return "closed";
  return program.opensAt > now ? "upcoming" : "accepting";
}
