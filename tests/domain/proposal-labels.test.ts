import { describe, expect, test } from "vitest";
import { indicatorSplitText } from "~/features/proposals/labels";
import { translatorFor } from "~/lib/i18n/i18n.server";

const groups = [
  { id: 1, code: "elderly", name: null },
  { id: 2, code: "custom", name: "新就业群体" },
];

describe("indicatorSplitText", () => {
  test("names each group, catalogue ones in the reader's language, joined the language's way", () => {
    const split = [
      { targetGroupId: 1, value: 20 },
      { targetGroupId: 2, value: 5 },
    ];
    expect(indicatorSplitText(split, groups, translatorFor("zh-CN"))).toMatch(/^\S+ 20、新就业群体 5$/);
    expect(indicatorSplitText(split, groups, translatorFor("en"))).toMatch(/^[A-Za-z][^、]* 20, 新就业群体 5$/);
  });

  test("a dash for no split, and the id for a group the program no longer has", () => {
    expect(indicatorSplitText([], groups, translatorFor("zh-CN"))).toBe("—");
    expect(indicatorSplitText([{ targetGroupId: 9, value: 3 }], groups, translatorFor("zh-CN"))).toBe("9 3");
  });
});
