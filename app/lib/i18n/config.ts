// Languages the portal speaks: Simplified Chinese first, English second.
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
