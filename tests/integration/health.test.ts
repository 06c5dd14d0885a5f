import { describe, expect, test } from "vitest";
import { loader as homeLoader } from "~/features/home/home.route";
import { createFunder, createProgram } from "../factories";
import { db } from "~/lib/db.server";
import { callRoute } from "../support/routes";

describe("home page", () => {
  test("lists open programs and hides drafts from signed-out visitors", async () => {
    const funder = await createFunder(db());
    await createProgram(db(), { funderId: funder.id, title: "公开的创投大赛" });
    await createProgram(db(), { funderId: funder.id, title: "草稿大赛", status: "draft" });
    const result = await callRoute<{ open: { title: string }[] }>(homeLoader, "/");
    const titles = result.data.open.map((p) => p.title);
    expect(titles).toContain("公开的创投大赛");
    expect(titles).not.toContain("草稿大赛");
  });
});
