// Accessibility: axe-core's WCAG 2.1 A and AA rules, and its best practices, on the pages each role works in, in
// Chinese at desktop size and in English at phone size, including the states a form shows after a refused save
// and an error page. Any violation fails the test, listed with the elements it names.
import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test } from "@playwright/test";
import { preferEnglish as chooseEnglish, signIn, viewports } from "./support";

const RULE_SETS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

async function expectAccessible(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(RULE_SETS).analyze();
  const found = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 5)
        .map((node) => node.target.join(" "))
        .join(", ")}`,
  );
  expect(found, `${what} at ${page.url()}`).toEqual([]);
}

async function visit(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  await expectAccessible(page, path);
}

const runs = [
  { language: "zh", size: "desktop" },
  { language: "en", size: "phone" },
] as const;

for (const { language, size } of runs) {
  test.describe(`in ${language} at ${size} size`, () => {
    test.beforeEach(async ({ page }) => {
      await page.setViewportSize(viewports[size]);
      if (language === "en") await chooseEnglish(page);
    });

    test("the public pages, the sign-in forms with their errors, and an error page", async ({ page }) => {
      for (const path of ["/", "/programs", "/programs/1", "/sign-up", "/forgot-password"]) await visit(page, path);
      // An address no route matches, and a page whose loader answers 404: both titled as the error they show.
      const errorTitle =
        language === "en" ? "Something went wrong · Micro-Philanthropy Venture Portal" : "出错了 · 微公益创投平台";
      for (const path of ["/no-such-page", "/programs/99999"]) {
        await visit(page, path, 404);
        await expect(page).toHaveTitle(errorTitle);
        // The language switch offers the other language there too.
        await expect(page.locator(".language-switcher button")).toHaveAttribute(
          "value",
          language === "en" ? "zh-CN" : "en",
        );
      }
      await visit(page, "/sign-in");
      await page.getByLabel(/邮箱|Email/).fill("not-an-email");
      await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
      await expect(page.locator(".field__error").first()).toBeVisible();
      await expectAccessible(page, "the sign-in form with its errors");
    });

    test("an applicant's pages and a returned proposal's form", async ({ page }) => {
      await signIn(page, "hongyuan@weigongyi.demo");
      for (const path of ["/organizations", "/organizations/new", "/proposals", "/account"]) await visit(page, path);
      await page.goto("/proposals");
      await page
        .getByRole("link", { name: /继续填写|Continue/ })
        .first()
        .click();
      await expect(page.locator("#proposal-form")).toBeVisible();
      await expectAccessible(page, "the returned proposal's form");
    });

    test("a manager's pages: the program, the proposal list, a proposal and its printed form", async ({ page }) => {
      await signIn(page, "manager@weigongyi.demo");
      for (const path of ["/manage", "/manage/programs/1", "/manage/programs/1/edit", "/manage/programs/1/proposals"]) {
        await visit(page, path);
      }
      // The demo's resubmitted proposal: its page shows what changed between versions 1 and 2.
      await page.getByRole("link", { name: "护苗成长·困境儿童心理陪伴" }).click();
      await expect(page).toHaveURL(/\/manage\/proposals\/\d+$/);
      await expect(page.locator(".version-diff__table").first()).toBeVisible();
      await expectAccessible(page, "a resubmitted proposal with its version comparison");
      await visit(page, `${new URL(page.url()).pathname.replace("/manage", "")}/print`);
    });

    test("the platform admin's pages", async ({ page }) => {
      await signIn(page, "admin@weigongyi.demo");
      for (const path of ["/admin/audit", "/admin/funders", "/admin/users", "/admin/outbox"]) await visit(page, path);
    });
  });
}
