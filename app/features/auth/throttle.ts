// Decides how failed sign-ins are slowed and then refused: each throttle subject (an email, a client address) counts
// its failures until it has been quiet for a window; from `slowFrom` failures on, answers are delayed (doubling,
// capped), and a subject with a lock rule is refused for a while once it reaches its limit. Pure: times are ISO
// strings passed in.

export interface ThrottlePolicy {
  /** Failures older than this (counted from the latest one) are forgotten. */
  windowMs: number;
  /** The failure that locks the subject, and for how long; null for a subject that is only slowed. */
  lock: { afterFailures: number; forMs: number } | null;
  /** The failure from which answers are delayed. */
  slowFrom: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface ThrottleState {
  failures: number;
  lastFailureAt: string;
  lockedUntil: string | null;
}

const MINUTE = 60_000;

export const EMAIL_POLICY: ThrottlePolicy = {
  windowMs: 15 * MINUTE,
  lock: { afterFailures: 5, forMs: 15 * MINUTE },
  slowFrom: 3,
  baseDelayMs: 250,
  maxDelayMs: 2_000,
};

// A street office or a community centre often shares one public address, so an address is never locked (that would
// lock out a whole office where people mistype all day); it is slowed, which with the per-address request limit in
// server/app.ts keeps one machine from trying many accounts quickly.
export const ADDRESS_POLICY: ThrottlePolicy = {
  windowMs: 15 * MINUTE,
  lock: null,
  slowFrom: 10,
  baseDelayMs: 250,
  maxDelayMs: 2_000,
};

export interface ThrottleSubject {
  key: string;
  policy: ThrottlePolicy;
}

export function emailSubject(email: string): ThrottleSubject {
  return { key: `email:${email.trim().toLowerCase()}`, policy: EMAIL_POLICY };
}

/** What one sign-in attempt is counted against: always the email, and the client address when it is known. */
export function throttleSubjects(email: string, clientAddress: string | null | undefined): ThrottleSubject[] {
  const subjects = [emailSubject(email)];
  if (clientAddress) subjects.push({ key: `address:${clientAddress}`, policy: ADDRESS_POLICY });
  return subjects;
}

/** Milliseconds until the subject may try again; 0 when it is not locked. */
export function lockRemainingMs(state: ThrottleState | null | undefined, now: string): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, Date.parse(state.lockedUntil) - Date.parse(now));
}

/** Whole minutes to tell the user, never "0 minutes" while still locked. */
export function minutesToWait(remainingMs: number): number {
  return Math.max(1, Math.ceil(remainingMs / MINUTE));
}

/** The state after one more failure at `now`. */
export function registerFailure(
  state: ThrottleState | null | undefined,
  now: string,
  policy: ThrottlePolicy,
): ThrottleState {
  const lockExpired = state?.lockedUntil != null && Date.parse(state.lockedUntil) <= Date.parse(now);
  const quietLongEnough = state != null && Date.parse(now) - Date.parse(state.lastFailureAt) >= policy.windowMs;
  const failures = !state || lockExpired || quietLongEnough ? 1 : state.failures + 1;
  const stillLocked = state?.lockedUntil != null && !lockExpired ? state.lockedUntil : null;
  const { lock } = policy;
  const newLock =
    lock !== null && failures >= lock.afterFailures ? new Date(Date.parse(now) + lock.forMs).toISOString() : null;
  return { failures, lastFailureAt: now, lockedUntil: stillLocked ?? newLock };
}

/** How long to hold the answer to a failed attempt, so guessing gets slower before it is refused outright. */
export function failureDelayMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.slowFrom) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - policy.slowFrom));
}
