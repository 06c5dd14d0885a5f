// Shared browser-test helpers: sign in, switch language, and keep screenshots under test-results/screenshots.
import { type Page, expect } from "@playwright/test";

export const DEMO_PASSWORD = "Demo@2026";

export const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel(/邮箱|Email/).fill(email);
  await page.getByLabel(/^(密码|Password)/).fill(password);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Chooses English the way the language switcher does: the "lng" cookie (a JSON string, base64-encoded by Remix). */
export async function preferEnglish(page: Page): Promise<void> {
  const { hostname } = new URL(process.env.E2E_BASE_URL ?? "http://localhost:3000");
  const value = Buffer.from(JSON.stringify("en")).toString("base64");
  await page.context().addCookies([{ name: "lng", value, domain: hostname, path: "/" }]);
}
