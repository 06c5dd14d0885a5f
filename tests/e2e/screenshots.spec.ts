// Key pages in Chinese and English, at desktop and phone size, kept under test-results/screenshots/ for review.
import { expect, test } from "@playwright/test";
import { screenshot, signIn, preferEnglish, viewports } from "./support";

const pages = [
  { name: "programs", path: "/programs", as: null },
  { name: "sign-in", path: "/sign-in", as: null },
  { name: "sign-up", path: "/sign-up", as: null },
  { name: "organizations", path: "/organizations", as: "applicant@weigongyi.demo" },
  { name: "organization-new", path: "/organizations/new", as: "applicant@weigongyi.demo" },
  // The demo seed's first organisation is the applicant's own.
  { name: "organization-members", path: "/organizations/1/members", as: "applicant@weigongyi.demo" },
  { name: "manage", path: "/manage", as: "manager@weigongyi.demo" },
  { name: "program-new", path: "/manage/programs/new?funderId=1", as: "manager@weigongyi.demo" },
  { name: "admin-audit", path: "/admin/audit", as: "admin@weigongyi.demo" },
  { name: "admin-funders", path: "/admin/funders", as: "admin@weigongyi.demo" },
] as const;

for (const language of ["zh", "en"] as const) {
  for (const [size, viewport] of Object.entries(viewports)) {
    test(`key pages in ${language} at ${size} size`, async ({ page }) => {
      await page.setViewportSize(viewport);
      if (language === "en") await preferEnglish(page);
      let signedInAs: string | null = null;
      for (const entry of pages) {
        if (entry.as && entry.as !== signedInAs) {
          await page.context().clearCookies();
          if (language === "en") await preferEnglish(page);
          await signIn(page, entry.as);
          signedInAs = entry.as;
        }
        const response = await page.goto(entry.path);
        expect(response?.status(), entry.path).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", language === "en" ? "en" : "zh-CN");
        await screenshot(page, `${entry.name}-${language}-${size}`);
      }
    });
  }
}
