import type { MetaArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { pageTitle } from "~/ui/page-title";

/** The route matches a meta function sees, with the root loader's data in the given language. */
function matchesIn(language: string | undefined): MetaArgs["matches"] {
  const root = { id: "root", pathname: "/", params: {}, data: language ? { language } : undefined, meta: [] };
  return [root] as unknown as MetaArgs["matches"];
}

describe("pageTitle", () => {
  it.each([
    ["zh-CN", "申报书列表 · 幸福家园", "申报书列表 · 幸福家园 · 微公益创投平台"],
    ["en", "Proposals · Happy Homes", "Proposals · Happy Homes · Micro-Philanthropy Venture Portal"],
  ])("ends a %s page's title with the portal's name in that language", (language, title, expected) => {
    expect(pageTitle(title, { error: undefined, matches: matchesIn(language) })).toEqual([{ title: expected }]);
  });

  it("leaves a title alone when the page asks it to (the home page, the printable form)", () => {
    const matches = matchesIn("zh-CN");
    expect(pageTitle("申报书 WGY2026-001-0001", { error: undefined, matches }, { appName: false })).toEqual([
      { title: "申报书 WGY2026-001-0001" },
    ]);
  });

  it("titles an error page as the error page, whatever the loader gave", () => {
    expect(pageTitle("项目详情", { error: new Error("404"), matches: matchesIn("en") })).toEqual([
      { title: "Something went wrong · Micro-Philanthropy Venture Portal" },
    ]);
    expect(pageTitle(undefined, { error: undefined, matches: matchesIn(undefined) })).toEqual([
      { title: "出错了 · 微公益创投平台" },
    ]);
  });
});
