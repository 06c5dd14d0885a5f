// React's Node.js server renderer is patched (patches/, docs/decisions/0045) to gather each flush's text in one string
// and encode it once, instead of calling TextEncoder for every tag, attribute and text. These tests load both builds
// of the renderer the server can load (production and development) and check that:
// - a page comes out as renderToStaticMarkup writes it. Unpatched, React 18.3.1 puts NUL bytes where a Chinese
//   character does not fit at the end of its 2,048-byte view (facebook/react#24985, fixed only in React 19);
// - a Suspense boundary still streams after its shell;
// - the patch is installed: a page of a few thousand chunks is encoded in a handful of calls.
import { createRequire } from "node:module";
import path from "node:path";
import { Writable } from "node:stream";
import { createElement, Suspense, type ReactNode } from "react";
import type * as ReactDOMServer from "react-dom/server";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, test, vi } from "vitest";

const require = createRequire(import.meta.url);
const reactDomDir = path.dirname(require.resolve("react-dom/package.json"));
const builds = ["production.min", "development"].map((build) => ({
  build,
  renderer: require(path.join(reactDomDir, "cjs", `react-dom-server.node.${build}.js`)) as typeof ReactDOMServer,
}));

/** A table like the proposal list's, with text in Chinese and English, escaping, and over 8,192 characters. */
function proposalLikeTable(rows: number): ReactNode {
  return createElement(
    "table",
    { className: "proposal-list" },
    createElement(
      "tbody",
      null,
      Array.from({ length: rows }, (_, index) =>
        createElement(
          "tr",
          { key: index, "data-id": index },
          createElement("td", null, createElement("a", { href: `/proposals/${index}` }, `WGY2026-003-${index}`)),
          createElement("td", { "data-label": "标题" }, `邻里守望·社区困难家庭微心愿 <${index}> & "quoted"`),
          createElement("td", null, "¥4,800.00"),
          createElement("td", { title: "Submitted 已提交" }, index % 2 === 0 ? "已提交" : "退回修改"),
        ),
      ),
    ),
  );
}

/** Renders through renderToPipeableStream into a sink, resolving with every write and the whole text. */
function renderToWrites(renderer: typeof ReactDOMServer, element: ReactNode, onShellWritten?: (text: string) => void) {
  return new Promise<{ writes: Buffer[]; text: string }>((resolve, reject) => {
    const writes: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        writes.push(Buffer.from(chunk));
        callback();
      },
      final(callback) {
        resolve({ writes, text: Buffer.concat(writes).toString("utf8") });
        callback();
      },
    });
    const stream = renderer.renderToPipeableStream(element, {
      onShellReady() {
        stream.pipe(sink);
        onShellWritten?.(Buffer.concat(writes).toString("utf8"));
      },
      onShellError: reject,
    });
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(builds)("React's $build server renderer", ({ renderer }) => {
  test("writes a page in Chinese as renderToStaticMarkup does, with no NUL bytes", async () => {
    const page = proposalLikeTable(150);
    const { text } = await renderToWrites(renderer, page);

    expect(text.length).toBeGreaterThan(3 * 8192);
    expect(text).not.toContain("\0");
    expect(text).toBe(renderToStaticMarkup(page));
    expect(text).toContain("邻里守望·社区困难家庭微心愿 &lt;7&gt; &amp; &quot;quoted&quot;");
  });

  test("encodes a page of thousands of chunks in a handful of calls", async () => {
    const encodeInto = vi.spyOn(TextEncoder.prototype, "encodeInto");
    const encode = vi.spyOn(TextEncoder.prototype, "encode");

    const { writes, text } = await renderToWrites(renderer, proposalLikeTable(150));

    // Unpatched, each of the 150 rows' 40-odd tags, attributes and texts is a call of its own, and the page leaves
    // in 2,048-byte pieces.
    const calls = encodeInto.mock.calls.length + encode.mock.calls.length;
    expect(calls).toBeLessThanOrEqual(Math.ceil(text.length / 8192) + 1);
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(text.length / 8192) + 1);
  });

  test("still sends the shell before a suspended part, and the part when it is ready", async () => {
    let reveal!: () => void;
    const ready = new Promise<void>((resolve) => (reveal = resolve));
    let revealed = false;
    function Pending(): ReactNode {
      if (!revealed) throw ready.then(() => (revealed = true));
      return createElement("p", null, "评审意见已到");
    }
    const page = createElement(
      "main",
      null,
      createElement("h1", null, "申报书"),
      createElement(Suspense, { fallback: createElement("p", null, "加载中") }, createElement(Pending)),
    );

    let shell = "";
    const rendered = renderToWrites(renderer, page, (text) => (shell = text));
    await vi.waitFor(() => expect(shell).toContain("加载中"));
    expect(shell).toContain("<h1>申报书</h1>");
    expect(shell).not.toContain("评审意见已到");

    reveal();
    const { text } = await rendered;
    expect(text.startsWith(shell)).toBe(true);
    expect(text).toContain("<p>评审意见已到</p>");
  });
});
