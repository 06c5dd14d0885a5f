import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { getLanguage, i18nFor } from "~/lib/i18n/i18n.server";
import { NonceProvider } from "~/ui/nonce";

/** How long Remix's single fetch waits for a loader's pending data before it rejects it. */
export const streamTimeout = 5_000;
/** React is stopped a second later, so the rejections sent at streamTimeout still reach the page. */
const RENDER_DEADLINE = streamTimeout + 1_000;

/**
 * The stream between React and the response. The chunks React writes in one flush (one per 8,192 characters with our
 * patch, docs/decisions/0045) are passed on as one, so a page is one trip through the web stream and the socket.
 */
function responseBody(): Transform {
  let pending: Buffer[] = [];
  const passOn = (stream: Transform) => {
    if (pending.length === 0) return;
    stream.push(pending.length === 1 ? pending[0] : Buffer.concat(pending));
    pending = [];
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      pending.push(chunk);
      // React writes a whole flush synchronously; what it streams later (a resolved Suspense boundary) is a new batch.
      if (pending.length === 1) setImmediate(() => passOn(this));
      callback();
    },
    flush(callback) {
      passOn(this);
      callback();
    },
  });
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  const instance = i18nFor(await getLanguage(request));
  // A crawler gets the whole page at once; a person gets the shell first and the rest as it streams.
  const waitForAll = isbot(request.headers.get("user-agent"));

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    let shellFailed = false;
    const respond = () => {
      // React still reports the end of a render whose shell failed; that request has been answered already.
      if (shellFailed) return;
      shellRendered = true;
      const body = responseBody();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          if (!waitForAll) respond();
        },
        onAllReady() {
          if (waitForAll) respond();
          clearTimeout(abortTimer);
        },
        onShellError(error: unknown) {
          shellFailed = true;
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    // Stops a render still waiting on data. Cleared once everything has rendered: left to fire, it would keep each
    // finished render in memory until then and end its finished stream a second time.
    const abortTimer = setTimeout(abort, RENDER_DEADLINE);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
