// Languages the portal speaks: Simplified Chinese first, English second.
import type { i18n } from "i18next";
import { resources } from "~/locales";

export const supportedLanguages = ["zh-CN", "en"] as const;
export type Language = (typeof supportedLanguages)[number];
export const defaultLanguage: Language = "zh-CN";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

export const i18nOptions = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: defaultLanguage,
  defaultNS: "common",
  ns: Object.keys(resources[defaultLanguage]),
  resources,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
  initImmediate: false,
} as const;

/** The part of i18next's internal LanguageUtil that t() asks, on every call, for a language's fallback chain. */
interface LanguageUtils {
  toResolveHierarchy(code: string, fallbackCode?: unknown): string[];
}

/**
 * i18next 23 works out a language's fallback chain (["zh-CN"] or ["en", "zh-CN"]) anew on every t() call, through
 * Intl.getCanonicalLocales: more than half the cost of a lookup, and a table page makes a hundred of them. The chain
 * depends only on the code and the options, which never change after init, so it is worked out once per code.
 * (i18next 27 keeps such a cache itself, but needs Node.js 22.) Call after init, which creates the services.
 */
export function rememberFallbackChains(instance: i18n): void {
  const languageUtils = instance.services.languageUtils as LanguageUtils;
  const resolve = languageUtils.toResolveHierarchy.bind(languageUtils);
  const chains = new Map<string, readonly string[]>();
  languageUtils.toResolveHierarchy = (code, fallbackCode) => {
    // A fallback passed per call is rare (none of ours): answer it the uncached way.
    if (fallbackCode !== undefined) return resolve(code, fallbackCode);
    let chain = chains.get(code);
    if (chain === undefined) {
      chain = resolve(code);
      chains.set(code, chain);
    }
    // i18next treats the array as its own; a copy keeps the cached one intact.
    return [...chain];
  };
}
