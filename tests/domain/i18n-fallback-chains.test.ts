import { createInstance, type i18n } from "i18next";
import { describe, expect, test } from "vitest";
import { i18nOptions, rememberFallbackChains, supportedLanguages } from "~/lib/i18n/config";

async function instanceFor(language: string, remembered: boolean): Promise<i18n> {
  const instance = createInstance();
  await instance.init({ ...i18nOptions, lng: language });
  if (remembered) rememberFallbackChains(instance);
  return instance;
}

describe("rememberFallbackChains", () => {
  test.each(supportedLanguages)("%s: the chain i18next works out, once", async (language) => {
    const plain = await instanceFor(language, false);
    const remembered = await instanceFor(language, true);
    const expected = plain.services.languageUtils.toResolveHierarchy(language) as string[];
    expect(expected[0]).toBe(language);

    const languageUtils = remembered.services.languageUtils as { toResolveHierarchy(code: string): string[] };
    const first = languageUtils.toResolveHierarchy(language);
    expect(first).toEqual(expected);
    // A caller changing its copy does not change the next answer.
    first.push("xx");
    expect(languageUtils.toResolveHierarchy(language)).toEqual(expected);
  });

  test("translations, plurals and the fallback to Chinese are unchanged", async () => {
    for (const language of supportedLanguages) {
      const plain = await instanceFor(language, false);
      const remembered = await instanceFor(language, true);
      for (const [key, options] of [
        ["proposals:untitled", {}],
        ["proposals:manage.list.summary", { n: 3 }],
        ["common:appName", {}],
      ] as const) {
        expect(remembered.t(key, options)).toBe(plain.t(key, options));
      }
    }
    // A key the English resources lack falls back to the Chinese text, as before.
    const english = await instanceFor("en", true);
    english.addResource("zh-CN", "common", "onlyInChinese", "仅中文");
    expect(english.t("common:onlyInChinese")).toBe("仅中文");
  });
});
