import { describe, expect, test } from "vitest";
import { displayName } from "~/features/proposals/attachments.server";

describe("displayName", () => {
  test.each([
    ["项目预算.xlsx", "项目预算.xlsx"],
    ["C:\\Users\\社工站\\Desktop\\项目预算.xlsx", "项目预算.xlsx"],
    ["/home/me/证书 扫描件.pdf", "证书 扫描件.pdf"],
    ["盖章\u0000页.pdf", "盖章页.pdf"],
    ["\tname\r\n.pdf", "name.pdf"],
    ["\u0000\u0001", "file"],
    ["invoice\u202efdp.exe", "invoicefdp.exe"],
    ["报告\u0085\u2066.pdf", "报告.pdf"],
  ])("%j → %j", (given, shown) => {
    expect(displayName(given)).toBe(shown);
  });
});
