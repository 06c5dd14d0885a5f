// The audit log's date filter reads dates as Beijing calendar days.
import { expect, test } from "vitest";
import { shanghaiDayRange } from "~/lib/local-time";

test.each([
  ["2026-03-01", "2026-03-01", "2026-02-28T16:00:00.000Z", "2026-03-01T16:00:00.000Z"],
  ["2026-12-31", "2027-01-01", "2026-12-30T16:00:00.000Z", "2027-01-01T16:00:00.000Z"],
  [undefined, "2026-03-01", null, "2026-03-01T16:00:00.000Z"],
  ["2026-03-01", undefined, "2026-02-28T16:00:00.000Z", null],
  [undefined, undefined, null, null],
])("Beijing days %s to %s cover [%s, %s)", (from, to, start, end) => {
  expect(shanghaiDayRange(from, to)).toEqual({ start, end });
});
