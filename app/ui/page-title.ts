// The document's <title>. Each page's loader gives its title, translated; a page showing its error boundary (a 404,
// a 403) is titled as that error page, in the visitor's language, instead of keeping a stale title or none.
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

export function pageTitle(title: string | undefined, { error, matches }: Pick<MetaArgs, "error" | "matches">) {
  const descriptors: MetaDescriptor[] = [
    { title: error || title === undefined ? errorPageTitle(languageOf(matches)) : title },
  ];
  return descriptors;
}
