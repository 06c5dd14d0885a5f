// Demo data for a fresh portal, built from the same factories the tests use; the demo program's proposals are
// handed in and screened through the portal's own data functions (demo-proposals.ts).
import type { Kysely } from "kysely";
import {
  addFunderMember,
  addOrganizationMember,
  createFunder,
  createOrganization,
  createProgram,
  createUser,
  wholeMinutesFromNow,
} from "../tests/factories";
import type { Database } from "./schema";

export const DEMO_PASSWORD = "Demo@2026";

export const demoAccounts = [
  { email: "admin@weigongyi.demo", role: "平台管理员 / platform admin" },
  { email: "manager@weigongyi.demo", role: "南七街道项目主管 / funder manager" },
  { email: "applicant@weigongyi.demo", role: "社工服务中心负责人 / organisation owner" },
  { email: "team@weigongyi.demo", role: "社区志愿服务队队长 / community team owner" },
] as const;

const DAY = 24 * 60 * 60 * 1000;

export async function isSeeded(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("user").select("id").limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function seedDemo(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const [admin, manager, applicant, teamLead] = await Promise.all(
      demoAccounts.map((account, index) =>
        createUser(trx, {
          email: account.email,
          password: DEMO_PASSWORD,
          name: ["平台管理员", "王晓梅", "陈思远", "李桂兰"][index],
          isPlatformAdmin: index === 0,
        }),
      ),
    );
    if (!admin || !manager || !applicant || !teamLead) throw new Error("demo users were not created");

    const streetOffice = await createFunder(trx, {
      name: "合肥市蜀山区南七街道办事处",
      kind: "street_office",
      district: "蜀山区",
      street: "南七街道",
    });
    await createFunder(trx, { name: "合肥市慈善总会", kind: "charity_federation", district: null, street: null });
    await addFunderMember(trx, streetOffice.id, manager.id);

    const socialWork = await createOrganization(trx, {
      kind: "registered",
      name: "合肥市蜀山区阳光社会工作服务中心",
      uscc: "52340104MJ0A1B2C54",
      orgType: "private_non_enterprise",
      sponsorCommunity: null,
      filingNumber: null,
      responsiblePerson: "陈思远",
      contactName: "陈思远",
      contactPhone: "13965010003",
      community: "南七社区",
      address: "合肥市蜀山区南七街道金寨路 128 号",
      registeredOn: "2019-06-18",
      rating: "4A",
      ratingExpiresOn: "2028-12-31",
      introduction: "专业社会工作服务机构，持证社工 12 名，专注社区为老与青少年服务。",
      serviceExperience: "2020 年以来承接社区公益创投项目 9 个，累计服务 3.2 万人次。",
      bankAccountName: "合肥市蜀山区阳光社会工作服务中心",
      bankAccountNumber: "6222 0213 0200 1234 567",
      bankName: "中国工商银行合肥南七支行",
    });
    await addOrganizationMember(trx, socialWork.id, applicant.id, "owner");

    const team = await createOrganization(trx, {
      name: "南七街道幸福社区银龄志愿服务队",
      community: "幸福社区",
      sponsorCommunity: "幸福社区居民委员会",
      responsiblePerson: "李桂兰",
      contactName: "李桂兰",
      contactPhone: "13805510002",
    });
    await addOrganizationMember(trx, team.id, teamLead.id, "owner");

    const demoProgram = await createProgram(trx, {
      funderId: streetOffice.id,
      title: "2026年南七街道第三届社区微公益创投大赛",
      status: "open",
    });
    await createProgram(trx, {
      funderId: streetOffice.id,
      title: "2027年南七街道“一老一小”专项微创投",
      status: "open",
      opensAt: wholeMinutesFromNow(20 * DAY),
      closesAt: wholeMinutesFromNow(50 * DAY),
    });
    await createProgram(trx, {
      funderId: streetOffice.id,
      title: "2027年社区助残服务微创投（筹备中）",
      status: "draft",
    });

    // Loaded only to seed: the portal's screening module reads the environment (the session secret) when it loads,
    // which db:migrate and create-admin, importing this file, must not need.
    const { seedDemoProposals } = await import("./demo-proposals");
    await seedDemoProposals(trx, { programId: demoProgram.id, manager, password: DEMO_PASSWORD });
  });
}
