import { expect, test } from "@playwright/test";
import { screenshot, preferEnglish, viewports } from "./support";

test("the home page lists the open demo program in Chinese and in English", async ({ page }) => {
  await page.setViewportSize(viewports.desktop);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("让社区的每一份善意都用在实处");
  await expect(page.getByRole("link", { name: "2026年南七街道第三届社区微公益创投大赛" })).toBeVisible();
  await screenshot(page, "home-zh-desktop");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Every act of community kindness, put to good use");
  await screenshot(page, "home-en-desktop");
});

test("the home page works at phone size", async ({ page }) => {
  await page.setViewportSize(viewports.phone);
  await preferEnglish(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await screenshot(page, "home-en-phone");
});
