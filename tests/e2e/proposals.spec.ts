// Issue 3's journeys in Chromium: an applicant drafts a proposal, leaves, comes back, fixes three rule violations
// shown next to their fields, attaches a PDF, submits and sees the receipt; the manager returns it with a comment,
// the applicant resubmits version 2, and the manager sees what changed and marks it eligible. The whole set runs
// three ways — desktop with JavaScript, desktop without it, and phone size with it — each with its own applicant
// organisation, so the demo program's two-proposals-per-organisation limit never makes the ways collide.
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { type Locator, type Page, expect, test } from "@playwright/test";
import { tinyPdf } from "./fixtures/tiny-pdf";
// Aliased: preferEnglish is a Playwright helper, not a React hook, and the hooks lint rule goes by the name.
import { screenshot, signIn, preferEnglish as chooseEnglish, viewports } from "./support";

const PROGRAM_TITLE = "2026年南七街道第三届社区微公益创投大赛";
const MANAGER = "manager@weigongyi.demo";
const NEW_PASSWORD = "Volunteer#2026";

interface Mode {
  name: "desktop-js" | "desktop-nojs" | "phone-js";
  javaScriptEnabled: boolean;
  viewport: { width: number; height: number };
  /** A demo account and its organisation, or a volunteer who signs up and files a team during the test. */
  applicant: { email: string; organization: string } | "new";
}

const modes: Mode[] = [
  {
    name: "desktop-js",
    javaScriptEnabled: true,
    viewport: viewports.desktop,
    applicant: { email: "applicant@weigongyi.demo", organization: "合肥市蜀山区阳光社会工作服务中心" },
  },
  {
    name: "desktop-nojs",
    javaScriptEnabled: false,
    viewport: viewports.desktop,
    applicant: { email: "team@weigongyi.demo", organization: "南七街道幸福社区银龄志愿服务队" },
  },
  { name: "phone-js", javaScriptEnabled: true, viewport: viewports.phone, applicant: "new" },
];

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** The newest email to a recipient, read from the outbox of the server's database. */
function latestEmail(recipient: string): { subject: string; body: string } {
  const file = (process.env.E2E_DATABASE_URL ?? "").replace(/^file:/, "");
  const db = new Database(file, { readonly: true });
  try {
    const row = db
      .prepare("select subject, body from outbox_message where recipient = ? order by id desc limit 1")
      .get(recipient) as { subject: string; body: string } | undefined;
    if (!row) throw new Error(`no email for ${recipient}`);
    return row;
  } finally {
    db.close();
  }
}

/**
 * Clicks a control of the site header, opening the menu first where it is folded (phones). It waits for the header
 * to show either the control or the menu: right after a client-side sign-in the URL has changed before the signed-in
 * header is on the page, and an instant visibility check there took the folded path on a desktop.
 */
async function clickInHeader(page: Page, control: Locator) {
  const menu = page.locator("summary", { hasText: "菜单" });
  await expect(control.or(menu).filter({ visible: true }).first()).toBeVisible();
  if (!(await control.isVisible())) await menu.click();
  await control.click();
}

/** Follows a link of the site navigation. */
async function navigate(page: Page, name: string) {
  await clickInHeader(page, page.getByRole("navigation", { name: "菜单" }).getByRole("link", { name, exact: true }));
}

async function signOut(page: Page) {
  await clickInHeader(page, page.getByRole("button", { name: "退出登录" }));
  await expect(page.getByText("您已退出登录。")).toBeVisible();
}

/** A volunteer signs up and files a community team with the street, the way a new applicant starts on a phone. */
async function signUpWithNewTeam(page: Page, tag: string): Promise<{ email: string; organization: string }> {
  const email = `volunteer-${tag}@example.cn`;
  const organization = `南七街道和平社区邻里守望志愿服务队${tag}`;
  await page.goto("/sign-up");
  await page.getByLabel("姓名").fill("赵红梅");
  await page.getByLabel("电子邮箱").fill(email);
  await page.locator('[name="password"]').fill(NEW_PASSWORD);
  await page.locator('[name="confirmPassword"]').fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page).not.toHaveURL(/\/sign-up/);

  await page.goto("/organizations/new");
  await page.getByLabel("街道备案的社区社会组织").check();
  await page.getByLabel("推荐社区").fill("和平社区居民委员会");
  await page.getByLabel("备案编号").fill(`NQ-2025-${tag}`);
  await page.getByLabel("团队负责人").fill("赵红梅");
  await page.getByLabel("组织名称").fill(organization);
  await page
    .getByLabel("组织简介")
    .fill("和平社区居民自发组成的志愿服务队，现有志愿者 26 名，以退休党员和低龄老人为主。");
  await page.getByLabel("社区公益服务经验").fill("2023 年起每周走访独居老人，累计服务 1,800 余人次。");
  await page.getByLabel("区（县）").fill("蜀山区");
  await page.getByLabel("街道（乡镇）").fill("南七街道");
  await page.getByLabel("社区（村）").fill("和平社区");
  await page.locator('[name="contactName"]').fill("赵红梅");
  await page.getByLabel("联系人手机号").fill("13956071234");
  await page.getByLabel("通讯地址").fill("合肥市蜀山区南七街道和平社区居委会");
  await page.getByRole("button", { name: "提交登记" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("邻里守望志愿服务队");
  return { email, organization };
}

/** With JavaScript the form keeps one spare row and an "add" button; without it, the page brings spare rows. */
async function ensureRow(page: Page, mode: Mode, name: string, addLabel: RegExp) {
  const input = page.locator(`[name="${name}"]`);
  if (mode.javaScriptEnabled && (await input.count()) === 0) await page.getByRole("button", { name: addLabel }).click();
  await expect(input).toBeVisible();
}

async function fillBudgetLine(
  page: Page,
  mode: Mode,
  index: number,
  line: {
    category: string;
    item: string;
    unitPrice: string;
    quantity: string;
    unit: string;
    source: string;
    basis: string;
  },
) {
  const at = (field: string) => page.locator(`[name="budgetLines.${index}.${field}"]`);
  await ensureRow(page, mode, `budgetLines.${index}.item`, /添加预算行/);
  await at("category").selectOption(line.category);
  await at("item").fill(line.item);
  await at("unitPrice").fill(line.unitPrice);
  await at("quantity").fill(line.quantity);
  await at("unit").fill(line.unit);
  await at("fundingSource").selectOption(line.source);
  await at("basis").fill(line.basis);
}

/** The error a field shows, tied to it: the field is marked invalid and describes itself with the message's id. */
async function expectFieldError(page: Page, name: string, message: RegExp) {
  const errorId = `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}-error`;
  const field = page.locator(`[name="${name}"]`);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAttribute("aria-describedby", new RegExp(`(^| )${errorId}( |$)`));
  await expect(page.locator(`#${errorId}`)).toContainText(message);
}

async function screenshotInEnglish(page: Page, name: string) {
  await chooseEnglish(page);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await screenshot(page, name);
  await page.context().clearCookies({ name: "lng" });
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
}

// The three ways use separate organisations and find their proposal by a random tag, so they may run side by side.
test.describe.configure({ mode: "parallel" });

for (const mode of modes) {
  test.describe(`proposal journeys (${mode.name})`, () => {
    test.use({ javaScriptEnabled: mode.javaScriptEnabled, viewport: mode.viewport });

    test("draft, fix rule errors, submit, returned, resubmitted, marked eligible", async ({ page }) => {
      test.setTimeout(240_000);
      const tag = randomBytes(3).toString("hex");
      const title = `银龄相伴·独居老人结对探访（${mode.name}-${tag}）`;
      const revisedTitle = `银龄相伴·独居老人结对探访与健康守护（${mode.name}-${tag}）`;
      const comment = `请补充志愿者安全培训安排，并核实物资单价（${tag}）。`;
      const hydrated = async () => {
        // Typing before React takes over the page could be lost; the "add a row" buttons appear once it has.
        if (mode.javaScriptEnabled) await expect(page.getByRole("button", { name: /添加预算行/ })).toBeVisible();
      };
      let applicant: { email: string; organization: string };
      let proposalId = "";
      let number = "";

      await test.step("1. the applicant starts a draft, leaves and comes back to it", async () => {
        if (mode.applicant === "new") {
          applicant = await signUpWithNewTeam(page, tag);
        } else {
          applicant = mode.applicant;
          await signIn(page, applicant.email);
        }
        await navigate(page, "创投项目");
        await page.getByRole("link", { name: PROGRAM_TITLE }).first().click();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(PROGRAM_TITLE);
        await page.getByRole("link", { name: "我要申报" }).click();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("我要申报");
        const option = page.locator(".proposal-apply-option").filter({ hasText: applicant.organization });
        await option.getByRole("button", { name: /开始填写申报书|另写一份申报书/ }).click();
        await expect(page).toHaveURL(/\/proposals\/\d+\/edit$/);
        proposalId = page.url().match(/\/proposals\/(\d+)\/edit/)?.[1] ?? "";
        await expect(page.getByText("已创建申报书草稿")).toBeVisible();
        await hydrated();

        await page.getByLabel("项目名称").fill(title);
        await page.getByLabel("申报领域").selectOption({ label: "为老服务" });
        await page.getByLabel("服务社区（实施地点）").fill("南七街道幸福社区");
        await page.getByRole("checkbox", { name: "一老（老年人）" }).check();
        await page
          .getByLabel("项目概述")
          .fill("组织 20 名低龄老人志愿者与 40 位独居高龄老人结对，每周上门探访，开展健康监测和精神慰藉。");
        await page.getByRole("button", { name: "保存草稿" }).click();
        await expect(page.getByText("草稿已保存。")).toBeVisible();

        await navigate(page, "我的组织");
        await expect(page).toHaveURL(/\/organizations$/);
        await navigate(page, "我的申报");
        const row = page.getByRole("row").filter({ hasText: title });
        await expect(row).toContainText("草稿");
        await row.getByRole("link", { name: "继续填写" }).click();
        await expect(page).toHaveURL(new RegExp(`/proposals/${proposalId}/edit$`));
        await hydrated();
        await expect(page.getByLabel("项目名称")).toHaveValue(title);
        await expect(page.getByLabel("申报领域").locator("option:checked")).toHaveText("为老服务");
        await expect(page.getByLabel("服务社区（实施地点）")).toHaveValue("南七街道幸福社区");
        await expect(page.getByRole("checkbox", { name: "一老（老年人）" })).toBeChecked();
        await expect(page.getByLabel("项目概述")).toHaveValue(/独居高龄老人结对/);
        if (mode.name === "phone-js") await screenshotInEnglish(page, "proposal-form-en-phone");
      });

      await test.step("2. three rule violations are shown at their fields, fixed, a PDF attached, submitted", async () => {
        const startsOnInput = page.locator('[name="startsOn"]');
        const implementationStartsOn = (await startsOnInput.getAttribute("min")) ?? "";
        const implementationEndsOn = (await startsOnInput.getAttribute("max")) ?? "";
        expect(implementationStartsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const startsOn = addDays(implementationStartsOn, 10);
        const endsOn = addDays(implementationStartsOn, 160);

        await startsOnInput.fill(startsOn);
        // Violation 1: the project ends after the program's implementation period.
        await page.locator('[name="endsOn"]').fill(addDays(implementationEndsOn, 15));
        await page.getByLabel("预计直接受益人数").fill("40");
        await page
          .getByLabel("需求分析")
          .fill(
            "幸福社区 80 岁以上独居老人 62 位，其中 23 位子女不在本市，日常缺少照应，2025 年发生 3 起居家跌倒未及时发现。",
          );
        await page
          .getByLabel("项目目标")
          .fill("一年内 40 位独居老人每周至少接受一次探访，健康异常当天上报社区卫生服务站。");
        await page
          .getByLabel("实施计划")
          .fill("第一阶段招募培训志愿者并走访建档；第二阶段每周结对探访、每月一次健康讲座；第三阶段总结评估。");
        await page
          .getByLabel("可持续性")
          .fill("志愿者队伍纳入社区志愿服务站常态管理，项目结束后由社区慈善基金继续支持。");
        await page
          .getByLabel("风险及应对")
          .fill("上门安全：两人一组并购买志愿者保险；老人突发疾病：志愿者接受急救培训并与家属、社区医生建立联络群。");

        await page.locator('[name="teamMembers.0.name"]').fill("陈思远");
        await page.locator('[name="teamMembers.0.role"]').fill("项目负责人");
        await page.locator('[name="teamMembers.0.qualification"]').fill("中级社会工作师");

        await fillBudgetLine(page, mode, 0, {
          category: "activity_materials",
          item: "探访慰问物资包（血压计电池、防滑垫等）",
          unitPrice: "40",
          quantity: "60",
          unit: "份",
          source: "grant",
          basis: "40 位老人，按季度补充，约 60 份",
        });
        await fillBudgetLine(page, mode, 1, {
          category: "expert_fees",
          item: "健康讲座医生劳务",
          unitPrice: "500",
          quantity: "2",
          unit: "场",
          source: "grant",
          basis: "社区卫生服务站医生，每场 500 元",
        });
        // Violation 3: with only ¥300 raised by the team, the grant is 91.9% of the budget (the program allows 80%).
        await fillBudgetLine(page, mode, 2, {
          category: "publicity",
          item: "宣传折页与横幅",
          unitPrice: "300",
          quantity: "1",
          unit: "批",
          source: "self_raised",
          basis: "印刷厂报价",
        });

        await ensureRow(page, mode, "milestones.0.title", /添加阶段/);
        await page.locator('[name="milestones.0.title"]').fill("招募志愿者并走访建档");
        // Violation 2: the first milestone falls before the project starts.
        await page.locator('[name="milestones.0.dueOn"]').fill(addDays(startsOn, -5));
        await page.locator('[name="milestones.0.deliverable"]').fill("志愿者名册、40 户老人档案");
        await ensureRow(page, mode, "milestones.1.title", /添加阶段/);
        await page.locator('[name="milestones.1.title"]').fill("结对探访与健康讲座");
        await page.locator('[name="milestones.1.dueOn"]').fill(addDays(startsOn, 120));
        await page.locator('[name="milestones.1.deliverable"]').fill("探访记录表、讲座签到表和照片");

        await page.locator('[name="indicatorTargets.0.indicator"]').selectOption("service_visits");
        await page.locator('[name="indicatorTargets.0.targetValue"]').fill("1600");

        await page.getByRole("button", { name: "检查并继续提交" }).click();
        await expect(page).toHaveURL(new RegExp(`/proposals/${proposalId}/edit$`));
        await expect(page.locator(".proposal-errors__list li")).toHaveCount(3);
        await expectFieldError(page, "endsOn", /不能晚于实施期结束日期/);
        await expectFieldError(page, "milestones.0.dueOn", /完成日期须在项目周期/);
        // The grant's share belongs to the whole budget: its message sits in the budget check under the totals.
        await expect(page.locator("#field-grantRequested")).toContainText(/超过了本项目上限/);
        await expect(page.getByRole("link", { name: /资助.*超过了本项目上限/ })).toHaveAttribute(
          "href",
          "#field-grantRequested",
        );
        // Nothing typed is lost.
        await expect(page.locator('[name="budgetLines.0.item"]')).toHaveValue("探访慰问物资包（血压计电池、防滑垫等）");
        await expect(page.locator('[name="milestones.1.deliverable"]')).toHaveValue("探访记录表、讲座签到表和照片");
        await screenshot(page, `proposal-errors-zh-${mode.name}`);

        await page.locator('[name="endsOn"]').fill(endsOn);
        await page.locator('[name="milestones.0.dueOn"]').fill(addDays(startsOn, 20));
        await page.locator('[name="budgetLines.2.unitPrice"]').fill("1000");
        if (mode.javaScriptEnabled)
          await expect(page.locator("#field-grantRequested")).toContainText("预算符合本项目资助规则。");
        await page.locator("#field-newAttachments").setInputFiles({
          name: "项目实施方案.pdf",
          mimeType: "application/pdf",
          buffer: tinyPdf(`Project plan ${tag}`),
        });
        await page.getByRole("button", { name: "检查并继续提交" }).click();

        await expect(page).toHaveURL(new RegExp(`/proposals/${proposalId}/submit$`));
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("确认提交");
        await expect(page.getByText("以下问题需要先处理")).toHaveCount(0);
        await expect(page.getByRole("link", { name: "项目实施方案.pdf" })).toBeVisible();
        await expect(page.locator(".proposal-confirm")).toContainText("¥3,400.00");
        await screenshot(page, `proposal-confirm-zh-${mode.name}`);
        await page.getByRole("button", { name: "确认提交" }).click();

        await expect(page.getByRole("heading", { level: 1 })).toHaveText("申报已提交");
        number = (await page.locator(".proposal-receipt__number").innerText()).trim();
        expect(number).toMatch(/^WGY\d{4}-\d{3}-\d{3}$/);
        await expect(page.getByText("第 1 版")).toBeVisible();
        await screenshot(page, `proposal-receipt-zh-${mode.name}`);
        expect(latestEmail(applicant.email).subject).toContain(number);
        await signOut(page);
      });

      await test.step("3. the manager finds it in the program's list and returns it with a comment", async () => {
        await signIn(page, MANAGER);
        await navigate(page, "管理");
        await page.getByRole("link", { name: PROGRAM_TITLE }).first().click();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(PROGRAM_TITLE);
        const programId = page.url().match(/\/manage\/programs\/(\d+)/)?.[1] ?? "";
        const listLink = page.getByRole("link", { name: "查看申报书" });
        expect.soft(await listLink.isVisible(), "the program's manage page links to its proposals").toBe(true);
        if (await listLink.isVisible()) await listLink.click();
        else await page.goto(`/manage/programs/${programId}/proposals`);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("申报书管理");

        await page.getByLabel("关键词").fill(tag);
        await page.getByRole("button", { name: "筛选" }).click();
        await expect(page.getByText("符合条件 1 份")).toBeVisible();
        const row = page.getByRole("row").filter({ hasText: title });
        await expect(row).toContainText(number);
        await expect(row).toContainText(applicant.organization);
        await expect(row).toContainText("已提交");
        await screenshot(page, `manage-proposals-zh-${mode.name}`);
        if (mode.name === "phone-js") await screenshotInEnglish(page, "manage-proposals-en-phone");
        // The row links are plain anchors with one click handler (in-app-links.tsx): with JavaScript they must still
        // navigate inside the app, keeping the document (and this mark on its window) instead of loading a new one.
        if (mode.javaScriptEnabled) await page.evaluate(() => Object.assign(window, { listDocumentKept: true }));
        await row.getByRole("link", { name: title }).click();

        await expect(page).toHaveURL(new RegExp(`/manage/proposals/${proposalId}$`));
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
        if (mode.javaScriptEnabled) {
          const kept = await page.evaluate(() => "listDocumentKept" in window);
          expect(kept, "the row link navigated in the app, without a new document").toBe(true);
        }
        const returnOption = page.locator("details.screening-option--returned");
        await returnOption.locator("summary").click();
        const commentBox = returnOption.locator('textarea[name="comment"]');
        await expect
          .soft(commentBox, "the return form's comment box is the one its label 修改意见 names")
          .toHaveAccessibleName(/修改意见/, { timeout: 2_000 });
        await commentBox.fill(comment);
        await returnOption.getByRole("button", { name: "确认退回" }).click();
        await expect(page.getByText("已退回修改，修改意见已通知申报组织。")).toBeVisible();
        await expect(page.locator(".page-header")).toContainText("退回修改");
        await signOut(page);
      });

      await test.step("4. the applicant sees it returned with the comment, revises and resubmits version 2", async () => {
        const email = latestEmail(applicant.email);
        expect(email.subject).toContain("退回修改");
        expect(email.body).toContain(comment);

        if (mode.applicant === "new") await signIn(page, applicant.email, NEW_PASSWORD);
        else await signIn(page, applicant.email);
        await navigate(page, "我的申报");
        const row = page.getByRole("row").filter({ hasText: title });
        await expect(row).toContainText("退回修改");
        await row.getByRole("link", { name: title }).click();
        await expect(page).toHaveURL(new RegExp(`/proposals/${proposalId}$`));
        await expect(page.getByText("退回修改").first()).toBeVisible();
        await expect
          .soft(page.getByText(comment), "the applicant's proposal page shows the manager's comment")
          .toBeVisible();
        await screenshot(page, `proposal-returned-zh-${mode.name}`);

        await page.getByRole("link", { name: "修改申报书" }).click();
        await expect(page).toHaveURL(new RegExp(`/proposals/${proposalId}/edit$`));
        await expect(page.getByText("这份申报书已被退回修改")).toBeVisible();
        await hydrated();
        await page.getByLabel("项目名称").fill(revisedTitle);
        await page.locator('[name="budgetLines.0.quantity"]').fill("70");
        await page.getByRole("button", { name: "检查并继续提交" }).click();
        await expect(page).toHaveURL(new RegExp(`/proposals/${proposalId}/submit$`));
        await expect(page.locator(".proposal-confirm")).toContainText("¥3,800.00");
        await page.getByRole("button", { name: "确认提交" }).click();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("申报已提交");
        await expect(page.locator(".proposal-receipt__number")).toHaveText(number);
        await expect(page.getByText("第 2 版")).toBeVisible();
        await signOut(page);
      });

      await test.step("5. the manager sees what changed in version 2 and marks it eligible", async () => {
        await signIn(page, MANAGER);
        await page.goto(`/manage/proposals/${proposalId}`);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(revisedTitle);
        const changes = page.locator(".version-list__diff").first();
        await expect(changes.locator("summary")).toHaveText("与第 1 版相比的修改");
        await expect(changes).toContainText(title);
        await expect(changes).toContainText(revisedTitle);
        await expect(changes).toContainText("¥2,400.00");
        await expect(changes).toContainText("¥2,800.00");
        await changes.scrollIntoViewIfNeeded();
        await screenshot(page, `manage-proposal-diff-zh-${mode.name}`);

        const eligibleOption = page.locator("details.screening-option--eligible");
        await eligibleOption.locator("summary").click();
        await eligibleOption.locator('textarea[name="comment"]').fill("材料齐全，进入评审。");
        await eligibleOption.getByRole("button", { name: "确认通过" }).click();
        await expect(page.getByText("已通过资格审查，已通知申报组织。")).toBeVisible();
        await expect(page.locator(".page-header")).toContainText("资格审查通过");
        await page.getByRole("link", { name: "返回申报书列表" }).click();
        await page.getByLabel("关键词").fill(tag);
        await page.getByRole("button", { name: "筛选" }).click();
        await expect(page.getByRole("row").filter({ hasText: revisedTitle })).toContainText("资格审查通过");
      });
    });
  });
}

/** The demo social-work centre starts a new draft for the demo program (drafts never count against its limit). */
async function startDemoDraft(page: Page) {
  await signIn(page, "applicant@weigongyi.demo");
  await page.goto("/programs");
  await page.getByRole("link", { name: PROGRAM_TITLE }).first().click();
  await page.getByRole("link", { name: "我要申报" }).click();
  const option = page.locator(".proposal-apply-option").filter({ hasText: "合肥市蜀山区阳光社会工作服务中心" });
  await option.getByRole("button", { name: /开始填写申报书|另写一份申报书/ }).click();
  await expect(page).toHaveURL(/\/proposals\/\d+\/edit$/);
}

test.describe("a rule about a whole section", () => {
  test.use({ javaScriptEnabled: true, viewport: viewports.desktop });

  test("is shown in its section and takes the focus when the section's rows are left blank", async ({ page }) => {
    await startDemoDraft(page);
    // The spare row each list keeps is blank, so every list counts as empty.
    await expect(page.locator('[name="teamMembers.0.name"]')).toBeVisible();

    await page.getByRole("button", { name: "检查并继续提交" }).click();
    await expect(page.locator("#field-teamMembers")).toHaveText("请至少填写一名团队成员（项目负责人）。");
    await expect(page.locator("#field-budgetLines")).toHaveText("请至少填写一行预算。");
    await expect(page.locator("#field-milestones")).toHaveText("请至少填写一个阶段任务。");
    await expect(page.locator("#field-indicatorTargets")).toHaveText("请至少填写一项预期成效指标。");
    await expect(page.locator('[name="title"]')).toBeFocused();

    // With every field above the lists filled in, the team section is the first thing to fix and takes the focus.
    const startsOn = page.locator('[name="startsOn"]');
    const periodStart = (await startsOn.getAttribute("min")) ?? "";
    await page.getByLabel("项目名称").fill("邻里守望·独居老人探访");
    await page.getByLabel("申报领域").selectOption({ label: "为老服务" });
    await page.getByRole("checkbox", { name: "一老（老年人）" }).check();
    await page.getByLabel("服务社区（实施地点）").fill("南七街道幸福社区");
    await startsOn.fill(addDays(periodStart, 10));
    await page.locator('[name="endsOn"]').fill(addDays(periodStart, 100));
    await page.getByLabel("预计直接受益人数").fill("40");
    for (const label of ["项目概述", "需求分析", "项目目标", "实施计划", "创新性", "可持续性", "风险及应对"]) {
      await page.getByLabel(label).fill("每周两次上门探访独居老人。");
    }
    await page.getByRole("button", { name: "检查并继续提交" }).click();
    await expect(page.locator("#field-teamMembers")).toBeFocused();
  });
});

test.describe("two managers deciding on one proposal", () => {
  test.use({ javaScriptEnabled: true, viewport: viewports.desktop });

  test("the second one is told the first decided, and keeps the reason they typed", async ({ page, context }) => {
    const title = "巧手工坊·残障人士手工技能与辅助就业";
    await signIn(page, MANAGER);
    await page.goto("/manage");
    await page.getByRole("link", { name: PROGRAM_TITLE }).first().click();
    await page
      .getByRole("link", { name: /申报书/ })
      .first()
      .click();
    await page.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const other = await context.newPage();
    await other.goto(page.url());

    const eligible = page.locator("details.screening-option--eligible");
    await eligible.locator("summary").click();
    await eligible.getByRole("button", { name: "确认通过" }).click();
    await expect(page.getByText("已通过资格审查，已通知申报组织。")).toBeVisible();

    const reason = "服务对象与本项目关注领域不符，预算中含有购置固定资产的支出。";
    const ineligible = other.locator("details.screening-option--ineligible");
    await ineligible.locator("summary").click();
    await ineligible.locator('textarea[name="comment"]').fill(reason);
    await ineligible.getByRole("button", { name: "确认不通过" }).click();
    const refusal = other.locator(".screening-panel").getByRole("alert");
    await expect(refusal).toContainText("这份申报书当前状态为“资格审查通过”");
    await expect(refusal.locator("blockquote")).toHaveText(reason);
    await expect(other.locator(".page-header")).toContainText("资格审查通过");
  });
});

test.describe("leaving the form with unsaved text", () => {
  test.use({ javaScriptEnabled: true, viewport: viewports.phone });

  test("a link away saves the draft first; closing the tab asks", async ({ page }) => {
    await startDemoDraft(page);
    const editUrl = page.url();
    await expect(page.getByRole("button", { name: /添加预算行/ })).toBeVisible();

    const title = `邻里守望·独居老人探访（${randomBytes(3).toString("hex")}）`;
    await page.getByLabel("项目名称").fill(title);
    await page.getByLabel("需求分析").fill("幸福社区 80 岁以上独居老人 62 位。");
    // Well within the half-minute autosave: only the save on leaving can keep this.
    await navigate(page, "我的申报");
    await expect(page).toHaveURL(/\/proposals$/);
    await expect(page.getByRole("row").filter({ hasText: title })).toBeVisible();
    await page.goto(editUrl);
    await expect(page.getByLabel("需求分析")).toHaveValue("幸福社区 80 岁以上独居老人 62 位。");

    await page.getByLabel("项目名称").fill(`${title}（改）`);
    const asked = page.waitForEvent("dialog");
    await page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe("beforeunload");
    await dialog.dismiss();
  });
});

test.describe("a refused amount low on the phone form", () => {
  test.use({ javaScriptEnabled: true, viewport: viewports.phone });

  test("takes the focus with its message in view, clear of the sticky save bar", async ({ page }) => {
    await startDemoDraft(page);
    const unitPrice = page.locator('[name="budgetLines.0.unitPrice"]');
    await unitPrice.fill("两百");
    await page.locator(".proposal-actions").getByRole("button", { name: "保存草稿" }).click();
    await expectFieldError(page, "budgetLines.0.unitPrice", /请输入金额/);
    await expect(unitPrice).toBeFocused();
    await expect(unitPrice).toHaveValue("两百");

    const message = await page.locator("#field-budgetLines-0-unitPrice-error").boundingBox();
    const field = await unitPrice.boundingBox();
    const saveBar = await page.locator(".proposal-actions").boundingBox();
    if (!message || !field || !saveBar) throw new Error("the field, its message or the save bar is not laid out");
    expect(field.y).toBeGreaterThanOrEqual(0);
    expect(message.y + message.height).toBeLessThanOrEqual(saveBar.y);
  });
});

test.describe("the status tabs under a search", () => {
  test.use({ javaScriptEnabled: true, viewport: viewports.desktop });

  /** Each tab's label and count, as the manager reads them. */
  async function readTabs(page: Page) {
    const tabs = await page.locator(".status-tabs a").allInnerTexts();
    return tabs.map((text) => {
      const [, label = "", count = ""] = /^(.*\S)\s+(\d+)$/.exec(text.trim()) ?? [];
      return { label, count: Number(count) };
    });
  }

  test("count the search's matches in each state; a chosen state with none keeps its tab at 0", async ({ page }) => {
    await signIn(page, MANAGER);
    await page.goto("/manage/programs/1/proposals");
    await page.getByLabel("关键词").fill("课堂");
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await expect(page).toHaveURL(/q=/);
    const [all, ...states] = await readTabs(page);
    expect(all?.label).toBe("全部");
    expect(states.length).toBeGreaterThan(0);
    expect(states.reduce((sum, tab) => sum + tab.count, 0)).toBe(all?.count);
    await expect(page.locator(".proposal-list__results")).toHaveText(`符合条件 ${all?.count} 份`);

    await page.goto(`/manage/programs/1/proposals?status=eligible&q=${encodeURIComponent("没有这个关键词")}`);
    await expect(page.locator('.status-tabs a[aria-current="page"]')).toHaveText(/^资格审查通过\s*0$/);
    expect(await readTabs(page)).toEqual([
      { label: "全部", count: 0 },
      { label: "资格审查通过", count: 0 },
    ]);
    await expect(page.locator(".proposal-list__results")).toHaveText("符合条件 0 份");
    await expect(page.getByText("没有符合筛选条件的申报书")).toBeVisible();
  });
});

test.describe("the manager's proposal page at desktop size", () => {
  test.use({ javaScriptEnabled: true, viewport: viewports.desktop });

  // In English, where the budget's headings are longest: on one line they made the table wider than the column.
  test("keeps the proposal's cards clear of the decisions beside it, and its budget within its card", async ({
    page,
  }) => {
    await chooseEnglish(page);
    await signIn(page, MANAGER);
    await page.goto("/manage/programs/1/proposals");
    await page.locator(".proposal-list tbody a").first().click();
    const aside = page.locator(".manage-proposal__aside");
    await expect(aside).toBeVisible();
    const asideLeft = (await aside.boundingBox())?.x ?? 0;
    const cardRights = await page
      .locator(".manage-proposal__main > *")
      .evaluateAll((cards) => cards.map((card) => card.getBoundingClientRect().right));
    expect(cardRights.length).toBeGreaterThan(3);
    expect(Math.max(...cardRights)).toBeLessThanOrEqual(asideLeft);
    // The budget's seven columns fit the column without scrolling, their English headings wrapped between words.
    const budget = page.locator(`section[aria-labelledby="details-budget"] .table-wrap`);
    const { scrollWidth, clientWidth } = await budget.evaluate((wrap) => ({
      scrollWidth: wrap.scrollWidth,
      clientWidth: wrap.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});
