// The document's <title>. Each page's loader gives its own part, translated, and every title ends with the portal's
// name in the page's language; a page showing its error boundary (a 404, a 403) is titled as that error page instead
// of keeping a stale title or none.
import type { MetaArgs, MetaDescriptor } from "@remix-run/node";
import { defaultLanguage, isLanguage, type Language } from "~/lib/i18n/config";
import { resources } from "~/locales";

/** "出错了 · 微公益创投平台": the title of every error page. */
export function errorPageTitle(language: Language): string {
  const { common } = resources[language];
  return `${common.errors.title} · ${common.appName}`;
}

function languageOf(matches: MetaArgs["matches"]): Language {
  const rootData: unknown = matches.find((match) => match.id === "root")?.data;
  const language = typeof rootData === "object" && rootData !== null && "language" in rootData && rootData.language;
  return isLanguage(language) ? language : defaultLanguage;
}

/**
 * "申报书列表 · 2026年幸福家园 · 微公益创投平台". `appName: false` is for a title that is already the portal's name (the home
 * page) or that must not carry it (the printable form, whose title becomes the saved PDF's name).
 */
export function pageTitle(
  title: string | undefined,
  { error, matches }: Pick<MetaArgs, "error" | "matches">,
  { appName = true }: { appName?: boolean } = {},
) {
  const language = languageOf(matches);
  let text: string;
  if (error || title === undefined) text = errorPageTitle(language);
  else text = appName ? `${title} · ${resources[language].common.appName}` : title;
  const descriptors: MetaDescriptor[] = [{ title: text }];
  return descriptors;
}
