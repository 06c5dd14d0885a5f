import { createInstance, type i18n } from "i18next";
import { describe, expect, test } from "vitest";
import { i18nOptions, rememberFallbackChains, rememberPlainTranslations, supportedLanguages } from "~/lib/i18n/config";
import { resources } from "~/locales";

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

/** Every key of a dictionary, as dotted paths ("manage.list.title"), plural forms included. */
function keysOf(dictionary: object, prefix = ""): string[] {
  return Object.entries(dictionary).flatMap(([name, value]) =>
    typeof value === "object" && value !== null ? keysOf(value as object, `${prefix}${name}.`) : [`${prefix}${name}`],
  );
}

describe("rememberPlainTranslations", () => {
  test.each(supportedLanguages)(
    "%s: every key of every namespace reads as i18next gives it, twice",
    async (language) => {
      const plain = await instanceFor(language, false);
      const remembered = await instanceFor(language, true);
      rememberPlainTranslations(remembered);
      const namespaces = Object.entries(resources["zh-CN"]);
      expect(namespaces.length).toBeGreaterThan(5);
      for (const [namespace, dictionary] of namespaces) {
        const plainT = plain.getFixedT(language, namespace);
        const rememberedT = remembered.getFixedT(language, namespace);
        // As react-i18next's useTranslation asks: the instance's own language.
        const rememberedHookT = remembered.getFixedT(null, namespace);
        for (const key of keysOf(dictionary)) {
          for (let call = 0; call < 2; call += 1) {
            expect(rememberedT(key)).toBe(plainT(key));
            expect(rememberedHookT(key)).toBe(plainT(key));
            expect(remembered.t(`${namespace}:${key}`)).toBe(plain.t(`${namespace}:${key}`));
          }
        }
      }
    },
  );

  test("a lookup with a default text reads as i18next gives it, for each default", async () => {
    const plain = await instanceFor("en", false);
    const remembered = await instanceFor("en", true);
    rememberPlainTranslations(remembered);
    const t = remembered.getFixedT(null, "proposals");
    const plainT = plain.getFixedT("en", "proposals");
    for (const [key, defaultValue] of [
      ["programs:catalogue.targetGroup.elderly", "elderly"],
      ["programs:catalogue.targetGroup.no_such_group", "no_such_group"],
      ["programs:catalogue.targetGroup.no_such_group", "another default"],
    ] as const) {
      for (let call = 0; call < 2; call += 1) expect(t(key, { defaultValue })).toBe(plainT(key, { defaultValue }));
    }
    expect(t("programs:catalogue.targetGroup.elderly", { defaultValue: "elderly" })).not.toBe("elderly");
    expect(t("programs:catalogue.targetGroup.no_such_group", { defaultValue: "another default" })).toBe(
      "another default",
    );
  });

  test("a lookup with values, a count or another language is answered afresh each time", async () => {
    const remembered = await instanceFor("zh-CN", true);
    rememberPlainTranslations(remembered);
    const t = remembered.getFixedT("zh-CN", "proposals");
    const english = remembered.getFixedT("en", "proposals");
    expect(t("manage.list.summary", { n: 3 })).toContain("3");
    expect(t("manage.list.summary", { n: 4 })).toContain("4");
    expect(t("manage.list.title")).toBe("申报书管理");
    expect(english("manage.list.title")).toBe("Proposals");
    expect(t("manage.list.title")).toBe("申报书管理");
  });
});
