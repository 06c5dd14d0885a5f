// The server entry's render deadline: a render still waiting on data is stopped a second after streamTimeout (when
// Remix gives up on pending loader data), and a finished one is let go at once. Left to fire, the deadline kept every finished page's render in memory for five
// seconds (about 30 KB each for the proposal list, 13 MB over 400 views) and then ended its finished stream again.
// React's renderer is replaced by one the test drives, so each of its callbacks can be fired when the test says.
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

type RenderCallbacks = Record<"onShellReady" | "onAllReady" | "onShellError", (error?: unknown) => void>;

const renderer = vi.hoisted(() => ({
  callbacks: undefined as RenderCallbacks | undefined,
  pipe: vi.fn(),
  abort: vi.fn(),
}));

vi.mock("react-dom/server", () => ({
  renderToPipeableStream: (_element: unknown, callbacks: RenderCallbacks) => {
    renderer.callbacks = callbacks;
    return { pipe: renderer.pipe, abort: renderer.abort };
  },
}));

const { default: handleRequest, streamTimeout } = await import("~/entry.server");

const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

/** Starts handling a page request and waits until the entry has asked React to render it. */
async function startRender(userAgent = "Mozilla/5.0 (iPhone) Mobile Safari") {
  renderer.callbacks = undefined;
  let settled = false;
  const response = handleRequest(
    new Request("http://localhost/manage", { headers: { "user-agent": userAgent } }),
    200,
    new Headers(),
    {} as EntryContext,
    { cspNonce: "nonce" } as AppLoadContext,
  ).finally(() => {
    settled = true;
  });
  // The entry works out the request's language before rendering.
  const requested = (): RenderCallbacks | undefined => renderer.callbacks;
  let callbacks = requested();
  while (!callbacks) {
    if (settled) {
      await response;
      throw new Error("the entry answered without rendering");
    }
    await new Promise((resolve) => setImmediate(resolve));
    callbacks = requested();
  }
  return { callbacks, response, settled: () => settled };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  renderer.pipe.mockClear();
  renderer.abort.mockClear();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the server render's deadline", () => {
  test("a render that has finished is never aborted afterwards", async () => {
    const { callbacks, response } = await startRender();
    callbacks.onShellReady();
    callbacks.onAllReady();
    expect((await response).status).toBe(200);
    vi.advanceTimersByTime(streamTimeout * 2);
    expect(renderer.abort).not.toHaveBeenCalled();
  });

  test("a render still waiting on data is aborted a second after Remix stops waiting, not before", async () => {
    const { callbacks, response } = await startRender();
    callbacks.onShellReady();
    await response;
    vi.advanceTimersByTime(streamTimeout + 999);
    expect(renderer.abort).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(renderer.abort).toHaveBeenCalledTimes(1);
  });

  test("a shell that fails to render rejects the response, and nothing is sent after it", async () => {
    const { callbacks, response } = await startRender(GOOGLEBOT);
    const failure = new Error("the shell failed");
    callbacks.onShellError(failure);
    await expect(response).rejects.toBe(failure);
    // React still reports the end of the failed render.
    callbacks.onAllReady();
    expect(renderer.pipe).not.toHaveBeenCalled();
  });

  test("a person gets the shell at once; a crawler only once everything has rendered", async () => {
    const person = await startRender();
    person.callbacks.onShellReady();
    await person.response;
    expect(renderer.pipe).toHaveBeenCalledTimes(1);

    const crawler = await startRender(GOOGLEBOT);
    crawler.callbacks.onShellReady();
    await new Promise((resolve) => setImmediate(resolve));
    expect(crawler.settled()).toBe(false);
    expect(renderer.pipe).toHaveBeenCalledTimes(1);
    crawler.callbacks.onAllReady();
    expect((await crawler.response).headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(renderer.pipe).toHaveBeenCalledTimes(2);
  });
});
