import { describe, expect, test } from "vitest";
import {
  ADDRESS_POLICY,
  EMAIL_POLICY,
  failureDelayMs,
  lockRemainingMs,
  minutesToWait,
  registerFailure,
  throttleSubjects,
  type ThrottleState,
} from "~/features/auth/throttle";

const T0 = "2026-03-01T08:00:00.000Z";
const at = (minutes: number, seconds = 0) => new Date(Date.parse(T0) + minutes * 60_000 + seconds * 1000).toISOString();

function failTimes(times: string[], policy = EMAIL_POLICY): ThrottleState | undefined {
  return times.reduce<ThrottleState | undefined>((state, now) => registerFailure(state, now, policy), undefined);
}

describe("registerFailure (email policy: 5 failures, 15-minute window, 15-minute lock)", () => {
  test.each([
    { case: "the first failure counts one, no lock", times: [at(0)], failures: 1, lockedUntil: null },
    { case: "four quick failures do not lock", times: [at(0), at(1), at(2), at(3)], failures: 4, lockedUntil: null },
    {
      case: "the fifth failure within the window locks for 15 minutes",
      times: [at(0), at(1), at(2), at(3), at(4)],
      failures: 5,
      lockedUntil: at(19),
    },
    {
      case: "failures spaced under 15 minutes apart keep counting",
      times: [at(0), at(14), at(28), at(42), at(56)],
      failures: 5,
      lockedUntil: at(71),
    },
    {
      case: "15 quiet minutes forget the earlier failures",
      times: [at(0), at(1), at(2), at(3), at(18)],
      failures: 1,
      lockedUntil: null,
    },
    {
      case: "a failure during the lock counts but does not extend it",
      times: [at(0), at(1), at(2), at(3), at(4), at(10)],
      failures: 6,
      lockedUntil: at(19),
    },
    {
      case: "after the lock has run out, counting starts again",
      times: [at(0), at(1), at(2), at(3), at(4), at(19)],
      failures: 1,
      lockedUntil: null,
    },
  ])("$case", ({ times, failures, lockedUntil }) => {
    const state = failTimes(times);
    expect(state).toEqual({ failures, lastFailureAt: times.at(-1), lockedUntil });
  });

  test("an address is never locked, however many failures it collects, only slowed", () => {
    const times = Array.from({ length: 200 }, (_, index) => at(0, index));
    const state = failTimes(times, ADDRESS_POLICY);
    expect(state).toMatchObject({ failures: 200, lockedUntil: null });
    expect(failureDelayMs(state?.failures ?? 0, ADDRESS_POLICY)).toBe(ADDRESS_POLICY.maxDelayMs);
  });
});

describe("lockRemainingMs and minutesToWait", () => {
  const locked: ThrottleState = { failures: 5, lastFailureAt: at(0), lockedUntil: at(15) };
  test.each([
    { case: "no record", state: undefined, now: at(0), remaining: 0, minutes: null },
    { case: "failures but no lock", state: { ...locked, lockedUntil: null }, now: at(1), remaining: 0, minutes: null },
    { case: "just locked", state: locked, now: at(0), remaining: 15 * 60_000, minutes: 15 },
    { case: "half a minute into the lock", state: locked, now: at(0, 30), remaining: 14.5 * 60_000, minutes: 15 },
    { case: "ten seconds left", state: locked, now: at(14, 50), remaining: 10_000, minutes: 1 },
    { case: "lock over", state: locked, now: at(15), remaining: 0, minutes: null },
  ])("$case", ({ state, now, remaining, minutes }) => {
    expect(lockRemainingMs(state, now)).toBe(remaining);
    if (minutes !== null) expect(minutesToWait(remaining)).toBe(minutes);
  });
});

describe("failureDelayMs", () => {
  test.each([
    { failures: 1, email: 0, address: 0 },
    { failures: 2, email: 0, address: 0 },
    { failures: 3, email: 250, address: 0 },
    { failures: 4, email: 500, address: 0 },
    { failures: 5, email: 1000, address: 0 },
    { failures: 6, email: 2000, address: 0 },
    { failures: 9, email: 2000, address: 0 },
    { failures: 10, email: 2000, address: 250 },
    { failures: 14, email: 2000, address: 2000 },
  ])("$failures failures: email $email ms, address $address ms", ({ failures, email, address }) => {
    expect(failureDelayMs(failures, EMAIL_POLICY)).toBe(email);
    expect(failureDelayMs(failures, ADDRESS_POLICY)).toBe(address);
  });
});

describe("throttleSubjects", () => {
  test.each([
    { email: " Chen@Example.CN ", address: undefined, keys: ["email:chen@example.cn"] },
    { email: "chen@example.cn", address: "", keys: ["email:chen@example.cn"] },
    { email: "chen@example.cn", address: "203.0.113.9", keys: ["email:chen@example.cn", "address:203.0.113.9"] },
  ])("$email from $address", ({ email, address, keys }) => {
    expect(throttleSubjects(email, address).map((subject) => subject.key)).toEqual(keys);
  });
});
