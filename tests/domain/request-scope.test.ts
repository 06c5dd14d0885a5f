import { describe, expect, test } from "vitest";
import { oncePerRequest, runInRequestScope } from "~/lib/request-scope.server";

const KEY = Symbol("test value");

function counter() {
  let calls = 0;
  return {
    next: () => {
      calls += 1;
      return calls;
    },
    get calls() {
      return calls;
    },
  };
}

describe("oncePerRequest", () => {
  test("within one GET, every asker gets the first value, across awaits", async () => {
    const count = counter();
    const seen = await runInRequestScope("GET", async () => {
      const first = oncePerRequest(KEY, count.next);
      await new Promise((resolve) => setTimeout(resolve, 1));
      const [second, third] = await Promise.all([
        Promise.resolve().then(() => oncePerRequest(KEY, count.next)),
        Promise.resolve().then(() => oncePerRequest(KEY, count.next)),
      ]);
      return [first, second, third];
    });
    expect(seen).toEqual([1, 1, 1]);
    expect(count.calls).toBe(1);
  });

  test("two requests at once each get their own value", async () => {
    const count = counter();
    const [a, b] = await Promise.all([
      runInRequestScope("GET", async () => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        return oncePerRequest(KEY, count.next);
      }),
      runInRequestScope("HEAD", () => oncePerRequest(KEY, count.next)),
    ]);
    expect(new Set([a, b])).toEqual(new Set([1, 2]));
  });

  test("a write (its action may change what the loaders see) and code outside a request compute every time", () => {
    const count = counter();
    for (const method of ["POST", "PUT", "DELETE"]) {
      runInRequestScope(method, () => {
        oncePerRequest(KEY, count.next);
        oncePerRequest(KEY, count.next);
      });
    }
    oncePerRequest(KEY, count.next);
    expect(count.calls).toBe(7);
  });
});
