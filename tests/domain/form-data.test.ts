import { describe, expect, test } from "vitest";
import { formDataToObject } from "~/lib/form-data";

function formOf(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [key, value] of entries) form.append(key, value);
  return form;
}

describe("formDataToObject", () => {
  test("nests dotted names into objects and numbered segments into arrays", () => {
    const result = formDataToObject(
      formOf([
        ["title", "助老"],
        ["lines.0.item", "宣传单"],
        ["lines.0.amount", "300"],
        ["lines.1.item", "餐费"],
        ["owner.name", "李"],
      ]),
    );
    expect(result).toEqual({
      title: "助老",
      lines: [{ item: "宣传单", amount: "300" }, { item: "餐费" }],
      owner: { name: "李" },
    });
  });

  test("collects repeated names into an array", () => {
    expect(
      formDataToObject(
        formOf([
          ["groups", "elderly"],
          ["groups", "children"],
        ]),
      ),
    ).toEqual({
      groups: ["elderly", "children"],
    });
  });

  test("drops the hole a removed middle row leaves", () => {
    const result = formDataToObject(
      formOf([
        ["lines.0.item", "a"],
        ["lines.2.item", "c"],
      ]),
    );
    expect(result).toEqual({ lines: [{ item: "a" }, { item: "c" }] });
  });

  test("drops NUL characters, which PostgreSQL cannot store, and keeps the rest of the text", () => {
    expect(
      formDataToObject(
        formOf([
          ["title", "社区\u0000活动"],
          ["lines.0.item", "\u0000"],
        ]),
      ),
    ).toEqual({
      title: "社区活动",
      lines: [{ item: "" }],
    });
  });
});
