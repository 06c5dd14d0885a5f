// The document's <title>. Each page's loader gives its title, translated; a page whose loader failed (a 404, a 403)
// has no data, and is titled as the error page it shows, in the visitor's language, instead of being left blank.
import type { MetaDescriptor } from "@remix-run/node";
import { defaultLanguage, isLanguage } from "~/lib/i18n/config";
import { resources } from "~/locales";

interface MetaMatch {
  id: string;
  data: unknown;
}

function commonWords(matches: readonly MetaMatch[]) {
  const language = (matches.find((match) => match.id === "root")?.data as { language?: unknown } | undefined)?.language;
  return resources[isLanguage(language) ? language : defaultLanguage].common;
}

export function pageTitle(title: string | undefined, matches: readonly MetaMatch[]): MetaDescriptor[] {
  if (title !== undefined) return [{ title }];
  const common = commonWords(matches);
  return [{ title: `${common.errors.title} · ${common.appName}` }];
}
