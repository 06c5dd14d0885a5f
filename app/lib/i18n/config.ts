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

/**
 * The options a plain lookup carries: those i18next's getFixedT (and so react-i18next's t) always sets, and a text
 * for a key the dictionaries lack (catalogue codes: t(`programs:catalogue.targetGroup.${code}`, { defaultValue })).
 */
const LOOKUP_OPTIONS = new Set(["lng", "lngs", "ns", "keyPrefix", "defaultValue"]);

function isPlainLookup(key: unknown, options: unknown, rest: readonly unknown[]): key is string {
  if (typeof key !== "string" || rest.length > 0) return false;
  if (options === undefined) return true;
  if (typeof options !== "object" || options === null) return false;
  const { lng, lngs, ns, keyPrefix, defaultValue } = options as Record<string, unknown>;
  return (
    Object.keys(options).every((name) => LOOKUP_OPTIONS.has(name)) &&
    (lng === undefined || typeof lng === "string") &&
    // react-i18next asks getFixedT for the instance's language with lng null, which i18next stores as lngs.
    (lngs === undefined || lngs === null) &&
    keyPrefix === undefined &&
    (ns === undefined || typeof ns === "string") &&
    (defaultValue === undefined || typeof defaultValue === "string")
  );
}

const PLAIN_TRANSLATIONS_KEPT = 10_000;

/**
 * A lookup with no values to interpolate, no count and no context (t("manage.list.title")) always gives the same
 * text for the same language, namespace and key once the resources are loaded, but i18next resolves, interpolates
 * and post-processes it anew each time: about 5 µs, and a table page makes a hundred such calls. The answer is kept
 * per language, namespace, key and default text; any other call goes to i18next as before. Only for an instance
 * whose resources never change after init: the server's (i18nFor) and the browser's, which are given every
 * dictionary at init.
 */
export function rememberPlainTranslations(instance: i18n): void {
  // i18next's overloads do not survive being wrapped; the wrapper passes its arguments through untouched.
  type Translate = (...args: unknown[]) => unknown;
  const translate = instance.t as unknown as Translate;
  const kept = new Map<string, unknown>();
  const remembering: Translate = (key, options, ...rest) => {
    if (!isPlainLookup(key, options, rest)) return translate(key, options, ...rest);
    const { lng, ns, defaultValue } = (options ?? {}) as { lng?: string; ns?: string; defaultValue?: string };
    const fallback = defaultValue === undefined ? "" : `\u0000${defaultValue}`;
    const cacheKey = `${lng ?? instance.language}\u0000${ns ?? ""}\u0000${key}${fallback}`;
    let text = kept.get(cacheKey);
    if (text === undefined) {
      text = translate(key, options);
      if (kept.size < PLAIN_TRANSLATIONS_KEPT) kept.set(cacheKey, text);
    }
    return text;
  };
  instance.t = remembering as unknown as i18n["t"];
}
