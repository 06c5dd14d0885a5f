// Picks the request's language (cookie first, then Accept-Language) and gives server code a translator for it.
import { createCookie } from "@remix-run/node";
import { createInstance, type i18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import {
  defaultLanguage,
  i18nOptions,
  isLanguage,
  type Language,
  rememberFallbackChains,
  rememberPlainTranslations,
  supportedLanguages,
} from "./config";
import { oncePerRequest } from "../request-scope.server";

export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage: defaultLanguage,
    cookie: languageCookie,
  },
});

const REQUEST_LANGUAGE = Symbol("request language");

/**
 * The request's language, worked out once per page view: the root loader, the page's loader and the renderer each
 * ask, and each detection parses the cookies and Accept-Language again.
 */
export function getLanguage(request: Request): Promise<Language> {
  return oncePerRequest(REQUEST_LANGUAGE, async () => {
    const detected = await detector.getLocale(request);
    return isLanguage(detected) ? detected : defaultLanguage;
  });
}

const instances = new Map<Language, i18n>();

/**
 * One initialised i18next instance per language for the whole process: server rendering and server-side messages
 * only read translations, never change language or load resources, so requests can share it. Creating and
 * initialising one per request cost about 0.6 ms, a tenth of a simple page.
 */
export function i18nFor(language: Language): i18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = createInstance();
    // initImmediate is off and the resources are in memory: init has finished when it returns.
    void instance.use(initReactI18next).init({ ...i18nOptions, lng: language });
    rememberFallbackChains(instance);
    rememberPlainTranslations(instance);
    instances.set(language, instance);
  }
  return instance;
}

export function translatorFor(language: Language): TFunction {
  return i18nFor(language).t;
}

export async function getTranslator(request: Request): Promise<{ language: Language; t: TFunction }> {
  const language = await getLanguage(request);
  return { language, t: translatorFor(language) };
}
