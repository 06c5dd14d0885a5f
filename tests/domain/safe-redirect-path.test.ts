import { describe, expect, test } from "vitest";
import { safeRedirectPath } from "~/lib/http";

describe("safeRedirectPath", () => {
  test.each([
    ["/manage/programs/1/proposals?status=submitted", "/manage/programs/1/proposals?status=submitted"],
    ["/proposals/3/edit", "/proposals/3/edit"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example/", "/"],
    ["proposals", "/"],
    // Control characters cannot go into a Location header: redirect() would throw.
    ["/\u0000", "/"],
    ["/a\nSet-Cookie: x=1", "/"],
    ["/a\u007f", "/"],
  ])("%j → %j", (target, expected) => {
    expect(safeRedirectPath(target)).toBe(expected);
  });

  test("a missing or non-text target gets the fallback", () => {
    expect(safeRedirectPath(null, "/organizations")).toBe("/organizations");
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(new File([], "x"), "/proposals")).toBe("/proposals");
  });
});
