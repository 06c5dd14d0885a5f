// The form kit keeps what people type before the page's JavaScript has loaded (a slow phone on a weak network).
import { type Page, expect, test } from "@playwright/test";
import { signIn } from "./support";

async function holdScripts(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/assets/*.js", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test("text typed into the sign-up form before hydration survives it", async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto("/sign-up", { waitUntil: "domcontentloaded" });
  await page.locator('[name="name"]').fill("慢网络用户");
  await page.locator('[name="email"]').fill("slow-phone@example.cn");
  release();
  await page.waitForLoadState("networkidle");
  // Hydrated: browser-side validation now runs when a required field is left empty.
  await page.locator('[name="password"]').click();
  await page.locator('[name="confirmPassword"]').click();
  await expect(page.locator("#field-password-error")).toBeVisible();
  await expect(page.locator('[name="name"]')).toHaveValue("慢网络用户");
  await expect(page.locator('[name="email"]')).toHaveValue("slow-phone@example.cn");
});

test("text typed into the program form before hydration survives it", async ({ page }) => {
  await signIn(page, "manager@weigongyi.demo");
  const release = await holdScripts(page);
  await page.goto("/manage/programs/new?funderId=1", { waitUntil: "domcontentloaded" });
  await page.locator('[name="title"]').fill("慢网络下填写的项目名称");
  await page.locator('[name="grantMin"]').fill("3000");
  release();
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  await expect(page.locator('[name="title"]')).toHaveValue("慢网络下填写的项目名称");
  await expect(page.locator('[name="grantMin"]')).toHaveValue("3000");
});

test("a box the server ticks again after a refused save shows ticked (a target group proposals use)", async ({
  page,
}) => {
  await signIn(page, "manager@weigongyi.demo");
  await page.goto("/manage/programs/1/edit");
  const elderly = page.locator('[name="targetGroups"][value="elderly"]');
  await elderly.uncheck();
  await page.locator("main form button[type=submit]").last().click();
  await expect(page.locator("[data-form-error]")).toContainText("一老");
  await expect(elderly).toBeChecked();
  await expect(page.locator('[name="targetGroups"][value="children"]')).toBeChecked();
});
