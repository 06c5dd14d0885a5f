// Picks the request's language (cookie first, then Accept-Language) and gives server code a translator for it.
import { createCookie } from "@remix-run/node";
import { createInstance, type TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { defaultLanguage, i18nOptions, isLanguage, type Language, supportedLanguages } from "./config";

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

export async function getLanguage(request: Request): Promise<Language> {
  const detected = await detector.getLocale(request);
  return isLanguage(detected) ? detected : defaultLanguage;
}

const instances = new Map<Language, TFunction>();

export function translatorFor(language: Language): TFunction {
  let t = instances.get(language);
  if (!t) {
    const instance = createInstance();
    void instance.init({ ...i18nOptions, lng: language });
    t = instance.t;
    instances.set(language, t);
  }
  return t;
}

export async function getTranslator(request: Request): Promise<{ language: Language; t: TFunction }> {
  const language = await getLanguage(request);
  return { language, t: translatorFor(language) };
}
