// The express app refuses a URL with an encoded NUL before Remix (and so the database) sees it: PostgreSQL refuses
// NUL in a text parameter, and a search for "%00" was a 500 page there.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../server/app";

let origin: string;
let builds = 0;
let close: () => void;

beforeAll(async () => {
  // Any request that gets past the middleware asks for the build; none of these may.
  const app = createApp({
    mode: "production",
    build: () => {
      builds += 1;
      return Promise.reject(new Error("the request reached Remix"));
    },
  });
  const server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});

afterAll(() => close());

describe("URLs with an encoded NUL", () => {
  test.each(["/manage/programs/1/proposals?q=%00", "/admin/users?q=a%00b", "/proposals/%00"])(
    "%s is answered 400 in both languages without reaching the app",
    async (path) => {
      const response = await fetch(origin + path);
      expect(response.status).toBe(400);
      expect(await response.text()).toBe("请求地址无效。Bad request: the address is not valid.");
      expect(builds).toBe(0);
    },
  );

  test("a URL without one goes on to Remix", async () => {
    const before = builds;
    await fetch(`${origin}/manage/programs/1/proposals?q=100%25`);
    expect(builds).toBe(before + 1);
  });
});
