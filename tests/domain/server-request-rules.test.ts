import { describe, expect, test } from "vitest";
import { hasEncodedNul, isCrossSiteWrite, looksLikePublicFile } from "../../server/app";

describe("looksLikePublicFile", () => {
  test.each([
    ["/favicon.ico", true],
    ["/robots.txt", true],
    ["/", false],
    ["/sign-in", false],
    ["/manage/programs/1/proposals", false],
    ["/manage/programs/1/proposals.data", false],
    ["/manage/programs/1/proposals/export.csv", true],
  ])("%s → %s", (path, expected) => {
    expect(looksLikePublicFile(path)).toBe(expected);
  });
});

describe("isCrossSiteWrite", () => {
  const host = "portal.example.cn";
  test.each([
    ["GET from another site", "GET", { origin: "https://evil.example", host }, false],
    ["POST from the same host", "POST", { origin: `https://${host}`, host }, false],
    ["POST from another site", "POST", { origin: "https://evil.example", host }, true],
    ["POST with a null origin", "POST", { origin: "null", host }, true],
    ["POST with an unparsable origin", "POST", { origin: "not a url", host }, true],
    ["POST without Origin, Sec-Fetch-Site cross-site", "POST", { host, "sec-fetch-site": "cross-site" }, true],
    ["POST without Origin, Sec-Fetch-Site same-origin", "POST", { host, "sec-fetch-site": "same-origin" }, false],
    [
      "POST behind a proxy that forwards the host",
      "POST",
      { origin: `https://${host}`, host: "127.0.0.1:3000", "x-forwarded-host": host },
      false,
    ],
  ])("%s", (_name, method, headers, expected) => {
    expect(isCrossSiteWrite(method, headers)).toBe(expected);
  });
});

describe("hasEncodedNul", () => {
  test.each([
    ["/manage/programs/1/proposals?q=%00", true],
    ["/manage/programs/1/proposals?q=a%00b", true],
    ["/proposals/%00", true],
    ["/manage/programs/1/proposals?q=%E6%8E%A2%E8%AE%BF", false],
    ["/manage/programs/1/proposals?q=100%25", false],
  ])("%s → %s", (url, expected) => {
    expect(hasEncodedNul(url)).toBe(expected);
  });
});
