import { describe, expect, test } from "vitest";
import { auditDiff } from "~/features/admin/audit-diff";

describe("auditDiff", () => {
  test.each([
    [
      "an edit lists only the changed fields, old → new",
      { name: "旧名称", city: "合肥市" },
      { name: "新名称", city: "合肥市" },
      [{ field: "name", before: "旧名称", after: "新名称" }],
    ],
    [
      "a creation lists every field with its value",
      null,
      { kind: "funder_manager", email: "a@example.cn" },
      [
        { field: "kind", after: "funder_manager" },
        { field: "email", after: "a@example.cn" },
      ],
    ],
    [
      "a removal lists what was there",
      { userId: 3, email: "b@example.cn" },
      null,
      [
        { field: "userId", before: 3 },
        { field: "email", before: "b@example.cn" },
      ],
    ],
    [
      "a field set to null or newly added is null on the missing side",
      { district: "蜀山区" },
      { district: null, street: "南七街道" },
      [
        { field: "district", before: "蜀山区", after: null },
        { field: "street", before: null, after: "南七街道" },
      ],
    ],
    ["a missing field and a null one are the same", { district: null }, {}, []],
    [
      "values keep their stored type, for the reader to format",
      { grantRequestedFen: null, isPlatformAdmin: false },
      { grantRequestedFen: 350000, isPlatformAdmin: true },
      [
        { field: "grantRequestedFen", before: null, after: 350000 },
        { field: "isPlatformAdmin", before: false, after: true },
      ],
    ],
    ["nothing changed, nothing listed", { a: 1 }, { a: 1 }, []],
    ["an event without before or after has no lines", null, null, []],
  ])("%s", (_case, before, after, lines) => {
    const diff = auditDiff(
      before === null ? null : JSON.stringify(before),
      after === null ? null : JSON.stringify(after),
    );
    expect(diff).toEqual({ lines, hidden: 0 });
  });

  test("nested values are compared by content", () => {
    const diff = auditDiff(JSON.stringify({ tranches: [50, 50] }), JSON.stringify({ tranches: [60, 40] }));
    expect(diff.lines).toEqual([{ field: "tranches", before: [50, 50], after: [60, 40] }]);
    expect(auditDiff(JSON.stringify({ tranches: [50, 50] }), JSON.stringify({ tranches: [50, 50] })).lines).toEqual([]);
  });

  test("a JSON value that is not an object is shown as one value", () => {
    expect(auditDiff(null, JSON.stringify("opened")).lines).toEqual([{ field: "value", after: "opened" }]);
  });

  test("text that is not JSON at all is shown as it is rather than breaking the page", () => {
    expect(auditDiff(null, "not json").lines).toEqual([{ field: "value", after: "not json" }]);
  });

  test("keeps at most the given number of lines and counts the rest", () => {
    const after = Object.fromEntries(Array.from({ length: 9 }, (_, index) => [`f${index}`, index]));
    const diff = auditDiff(null, JSON.stringify(after), 6);
    expect(diff.lines).toHaveLength(6);
    expect(diff.hidden).toBe(3);
  });
});
