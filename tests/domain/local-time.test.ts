import { describe, expect, test } from "vitest";
import { isoToShanghaiLocal, shanghaiLocalToIso } from "~/lib/local-time";
import { wholeMinutesFromNow } from "../factories";

const DAY = 24 * 60 * 60 * 1000;

describe("a program window through the form's datetime-local fields", () => {
  test("reads back as the same instant when it is at a whole minute", () => {
    expect(shanghaiLocalToIso(isoToShanghaiLocal("2026-12-01T01:00:00.000Z"))).toBe("2026-12-01T01:00:00.000Z");
    expect(isoToShanghaiLocal("2026-12-01T01:00:00.000Z")).toBe("2026-12-01T09:00");
  });

  test("loses its seconds, which an edit would log as a change", () => {
    expect(shanghaiLocalToIso(isoToShanghaiLocal("2026-12-01T01:00:42.123Z"))).toBe("2026-12-01T01:00:00.000Z");
  });

  test.each([-7 * DAY, 0, 21 * DAY])(
    "the factories' and seed's windows (%i ms from now) survive the round trip",
    (offset) => {
      const instant = wholeMinutesFromNow(offset);
      expect(shanghaiLocalToIso(isoToShanghaiLocal(instant))).toBe(instant);
    },
  );
});
