// Issue 2's journeys in Chromium: an applicant signs up, registers an organisation (fixing a USCC error first) and
// invites a member who accepts; a manager creates and opens a program and sees it on the public page. The whole
// set runs once with JavaScript and once without.
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { type Page, expect, test } from "@playwright/test";
import { screenshot, signIn, viewports } from "./support";

const PASSWORD = "Volunteer#2026";

function latestInvitationLink(email: string): string {
  const file = (process.env.E2E_DATABASE_URL ?? "").replace(/^file:/, "");
  const db = new Database(file, { readonly: true });
  try {
    const row = db
      .prepare("select body from outbox_message where recipient = ? order by id desc limit 1")
      .get(email) as { body: string } | undefined;
    const link = row?.body.match(/https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/)?.[0];
    if (!link) throw new Error(`no invitation email for ${email}`);
    return new URL(link).pathname;
  } finally {
    db.close();
  }
}

async function signUp(page: Page, name: string, email: string) {
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("电子邮箱").fill(email);
  await page.locator('[name="password"]').fill(PASSWORD);
  await page.locator('[name="confirmPassword"]').fill(PASSWORD);
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page).not.toHaveURL(/\/sign-up/);
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).first().click({ force: true });
  await expect(page.getByRole("link", { name: "登录" }).first()).toBeAttached();
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "js" : "nojs";

  test.describe(`foundation journeys (${javaScriptEnabled ? "JavaScript on" : "JavaScript off"})`, () => {
    test.use({ javaScriptEnabled, viewport: viewports.desktop });

    test("an applicant registers an organisation and invites a member who accepts", async ({ page }) => {
      const tag = randomBytes(3).toString("hex");
      const ownerEmail = `owner-${mode}-${tag}@example.cn`;
      const memberEmail = `member-${mode}-${tag}@example.cn`;

      await page.goto("/sign-up");
      await signUp(page, "周志愿", ownerEmail);
      await page.goto("/organizations/new");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("登记组织");

      await page.getByLabel("登记注册的社会组织").check();
      await page.getByLabel("组织名称").fill(`合肥市蜀山区邻里互助服务中心${tag}`);
      // A wrong check character: refused next to the field, everything typed kept.
      await page.locator('[name="uscc"]').fill("52340104MJ0A1B2C55");
      await page.locator('[name="registeredOn"]').fill("2021-05-20");
      await page.getByLabel("区（县）").fill("蜀山区");
      await page.getByLabel("街道（乡镇）").fill("南七街道");
      await page.getByLabel("社区（村）").fill("金寨路社区");
      await page.locator('[name="contactName"]').fill("周志愿");
      await page.getByLabel("联系人手机号").fill("139 6501 0008");
      await page.getByLabel("通讯地址").fill("合肥市蜀山区金寨路 300 号");
      await page.getByLabel("组织简介").fill("社区邻里互助服务机构，组织居民志愿者开展助老、助残活动。");
      await page.getByLabel("社区公益服务经验").fill("2024 年起开展邻里互助活动 60 余场。");
      await page.getByRole("button", { name: "提交登记" }).click();

      const usccField = page.locator('[name="uscc"]');
      await expect(usccField).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator("#field-uscc-error")).toContainText(/校验/);
      await expect(page.getByLabel("组织名称")).toHaveValue(`合肥市蜀山区邻里互助服务中心${tag}`);
      await screenshot(page, `org-register-error-zh-desktop-${mode}`);

      // Valid codes typed the way people paste them are accepted: full-width with a check character '0', and
      // lower-case with spaces ending in 'Y' (each code can be registered once, so each mode uses its own).
      const typed = javaScriptEnabled ? "５２３４０１０４mj００００２３７０" : "52340104 mj0000 114y";
      const stored = javaScriptEnabled ? "52340104MJ00002370" : "52340104MJ0000114Y";
      await usccField.fill(typed);
      await page.getByRole("button", { name: "提交登记" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("邻里互助服务中心");
      await expect(page.getByText(stored)).toBeVisible();
      await screenshot(page, `org-detail-zh-desktop-${mode}`);

      await page.getByRole("link", { name: "成员" }).first().click();
      await page.getByLabel("对方的电子邮箱").fill(memberEmail);
      await page.getByRole("button", { name: "发送邀请" }).click();
      await expect(page.getByText("邀请邮件已发送。")).toBeVisible();
      await expect(page.getByText(memberEmail)).toBeVisible();
      await screenshot(page, `org-members-zh-desktop-${mode}`);
      await signOut(page);

      await page.goto(latestInvitationLink(memberEmail));
      await page.getByRole("link", { name: /注册/ }).last().click();
      await expect(page.getByLabel("电子邮箱")).toHaveValue(memberEmail);
      await signUp(page, "吴新成员", memberEmail);
      await page.goto(latestInvitationLink(memberEmail));
      await page.getByRole("button", { name: /接受/ }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("邻里互助服务中心");
    });

    test("a manager creates and opens a program, and the public sees it", async ({ page }) => {
      const title = `2027年南七街道社区微公益创投大赛（${mode}-${randomBytes(2).toString("hex")}）`;
      await signIn(page, "manager@weigongyi.demo");
      await page.goto("/manage");
      await screenshot(page, `manage-home-zh-desktop-${mode}`);
      await page
        .getByRole("link", { name: /新建创投项目/ })
        .first()
        .click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("新建创投项目");

      await page.getByLabel("项目名称").fill(title);
      await page.getByLabel("项目简介").fill("征集“一老一小”社区微公益项目，单个项目资助 3,000 至 20,000 元。");
      await page.getByLabel("详细说明").fill("由南七街道社区慈善基金出资，支持辖区社区社会组织开展为老和儿童服务。");
      await page.locator('[name="categories.0.name"]').fill("为老服务");
      await page.locator('[name="categories.0.quota"]').fill("5");
      await page.getByLabel("一老").check();
      await page.getByLabel("一小").check();
      await page.locator('[name="fundingSources.0.name"]').fill("南七街道社区慈善基金");
      await page.locator('[name="fundingSources.0.amount"]').fill("20万");
      await page.getByLabel("单个项目最低资助（元）").fill("3000");
      // Three decimals and a minimum above the maximum are refused next to their fields.
      await page.getByLabel("单个项目最高资助（元）").fill("2000.125");
      await page.getByLabel("资助金额占项目总预算比例上限（%）").fill("80");
      await page.getByLabel("每个组织最多申报（个）").fill("2");
      await page.getByLabel("申报开始时间").fill("2027-01-05T09:00");
      await page.getByLabel("申报截止时间").fill("2027-01-04T17:00");
      await page.getByLabel("实施期开始日期").fill("2027-03-01");
      await page.getByLabel("实施期结束日期").fill("2027-12-31");
      await page.getByRole("button", { name: "保存为草稿" }).click();

      await expect(page.locator("#field-grantMax-error")).toBeVisible();
      await expect(page.locator("#field-closesAt-error")).toBeVisible();
      await expect(page.getByLabel("项目名称")).toHaveValue(title);
      await screenshot(page, `program-form-errors-zh-desktop-${mode}`);

      await page.getByLabel("单个项目最高资助（元）").fill("2万");
      await page.getByLabel("申报截止时间").fill("2027-02-05T17:00");
      await page.getByRole("button", { name: "保存为草稿" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await page.getByRole("button", { name: "发布项目" }).click();
      await expect(page.getByText(/已发布|发布成功|公开/).first()).toBeVisible();
      await screenshot(page, `program-manage-zh-desktop-${mode}`);

      await signOut(page);
      await page.goto("/programs");
      await page.getByRole("link", { name: title }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page.getByText("¥200,000.00").first()).toBeVisible();
      await screenshot(page, `program-public-zh-desktop-${mode}`);
    });
  });
}
