import { describe, expect, test } from "vitest";
import { emailLinkOrigin, parseEnv } from "~/lib/env.server";

const production = { NODE_ENV: "production", SESSION_SECRET: "a-production-secret-of-some-length" };

describe("parseEnv", () => {
  test("production refuses to start without PUBLIC_URL, naming it", () => {
    expect(() => parseEnv(production)).toThrow(/PUBLIC_URL must be set in production/);
  });

  test("production starts with PUBLIC_URL; development and tests do without it", () => {
    expect(parseEnv({ ...production, PUBLIC_URL: "https://gongyi.example.cn" }).PUBLIC_URL).toBe(
      "https://gongyi.example.cn",
    );
    expect(parseEnv({ NODE_ENV: "development" }).PUBLIC_URL).toBeUndefined();
    expect(parseEnv({ NODE_ENV: "test" }).PUBLIC_URL).toBeUndefined();
  });

  test.each([
    ["not an address", "gongyi.example.cn"],
    ["another scheme", "ftp://gongyi.example.cn"],
    ["a path the portal is not served under", "https://example.cn/gongyi"],
  ])("PUBLIC_URL with %s is refused", (_what, value) => {
    expect(() => parseEnv({ ...production, PUBLIC_URL: value })).toThrow(/PUBLIC_URL/);
  });

  test("production refuses the development session secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production", PUBLIC_URL: "https://gongyi.example.cn" })).toThrow(
      /SESSION_SECRET must be set/,
    );
  });
});

describe("emailLinkOrigin", () => {
  const forged = new Request("http://attacker.example/forgot-password");

  test("is PUBLIC_URL's origin whatever the request's host", () => {
    expect(emailLinkOrigin(forged, "https://gongyi.example.cn")).toBe("https://gongyi.example.cn");
    expect(emailLinkOrigin(forged, "https://gongyi.example.cn:8443/")).toBe("https://gongyi.example.cn:8443");
  });

  test("falls back to the request's origin where PUBLIC_URL is not set (development and tests)", () => {
    expect(emailLinkOrigin(new Request("http://localhost:3000/sign-up"), undefined)).toBe("http://localhost:3000");
  });
});
