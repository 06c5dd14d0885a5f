// The only way tests (and the demo seed) create data. Each factory fills realistic defaults and accepts overrides.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Insertable, Kysely } from "kysely";
import type { Database, FunderTable, OrganizationTable, ProgramTable } from "../../db/schema";
import { hashPassword } from "../../app/lib/password.server";
import { newToken } from "../../app/lib/tokens.server";
import { attachmentFilePath } from "../../app/features/proposals/attachments.server";
import { budgetTotals } from "../../app/features/proposals/budget";
import { contentToStored, type ProposalContent, proposalNumber } from "../../app/features/proposals/content";
import { insertContentRows } from "../../app/features/proposals/proposals.server";
import type { CostCategory } from "../../app/features/programs/catalogues";
import { buildSnapshot, type ProposalSnapshot } from "../../app/features/proposals/snapshot";

type DB = Kysely<Database>;

let sequence = 0;
const next = () => {
  sequence += 1;
  return sequence;
};

const now = () => new Date().toISOString();

export const DEFAULT_PASSWORD = "Weigongyi#2026";

// Hashing with scrypt costs ~50 ms; tests create many users with the same password, so hash it once.
let defaultHash: Promise<string> | undefined;
async function passwordHashFor(password: string): Promise<string> {
  if (password !== DEFAULT_PASSWORD) return hashPassword(password);
  defaultHash ??= hashPassword(DEFAULT_PASSWORD);
  return defaultHash;
}

export async function createUser(
  db: DB,
  overrides: Partial<{ email: string; name: string; password: string; isPlatformAdmin: boolean; phone: string }> = {},
) {
  const n = next();
  const stamp = now();
  return db
    .insertInto("user")
    .values({
      email: (overrides.email ?? `user${n}-${process.pid}@example.cn`).toLowerCase(),
      name: overrides.name ?? `测试用户${n}`,
      phone: overrides.phone ?? null,
      passwordHash: await passwordHashFor(overrides.password ?? DEFAULT_PASSWORD),
      isPlatformAdmin: overrides.isPlatformAdmin ? 1 : 0,
      locale: null,
      createdAt: stamp,
      updatedAt: stamp,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createFunder(db: DB, overrides: Partial<Insertable<FunderTable>> = {}) {
  const n = next();
  const stamp = now();
  return db
    .insertInto("funder")
    .values({
      name: `合肥市蜀山区第${n}街道办事处`,
      kind: "street_office",
      province: "安徽省",
      city: "合肥市",
      district: "蜀山区",
      street: "南七街道",
      contactName: "王主任",
      contactPhone: "13905510001",
      createdAt: stamp,
      updatedAt: stamp,
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function addFunderMember(db: DB, funderId: number, userId: number) {
  await db.insertInto("funderMember").values({ funderId, userId, createdAt: now() }).execute();
}

/** A manager: a user who is staff of the given (or a new) funder. */
export async function createManager(db: DB, options: { funderId?: number; email?: string; name?: string } = {}) {
  const funderId = options.funderId ?? (await createFunder(db)).id;
  const user = await createUser(db, { email: options.email, name: options.name ?? "项目主管" });
  await addFunderMember(db, funderId, user.id);
  return { user, funderId };
}

export async function createOrganization(db: DB, overrides: Partial<Insertable<OrganizationTable>> = {}) {
  const n = next();
  const stamp = now();
  return db
    .insertInto("organization")
    .values({
      kind: "filed_team",
      name: `幸福社区志愿服务队${n}`,
      uscc: null,
      orgType: null,
      district: "蜀山区",
      street: "南七街道",
      community: "幸福社区",
      sponsorCommunity: "幸福社区居民委员会",
      filingNumber: `SSQ-BA-2024-${String(n).padStart(3, "0")}`,
      responsiblePerson: "李阿姨",
      contactName: "李阿姨",
      contactPhone: "13805510002",
      address: "合肥市蜀山区南七街道幸福社区服务中心",
      registeredOn: "2023-03-15",
      rating: null,
      ratingExpiresOn: null,
      introduction: "由社区退休党员和热心居民组成的志愿服务队，长期为辖区独居老人提供探访服务。",
      serviceExperience: "2023 年以来开展助老探访 120 余次，服务 2,000 余人次。",
      bankAccountName: null,
      bankAccountNumber: null,
      bankName: null,
      createdAt: stamp,
      updatedAt: stamp,
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function addOrganizationMember(
  db: DB,
  organizationId: number,
  userId: number,
  role: "owner" | "member" = "member",
) {
  await db.insertInto("organizationMember").values({ organizationId, userId, role, createdAt: now() }).execute();
}

/** An applicant: a user who owns the given (or a new) organisation. */
export async function createApplicant(
  db: DB,
  options: { organizationId?: number; email?: string; name?: string } = {},
) {
  const organizationId = options.organizationId ?? (await createOrganization(db)).id;
  const user = await createUser(db, { email: options.email, name: options.name ?? "申报人" });
  await addOrganizationMember(db, organizationId, user.id, "owner");
  return { user, organizationId };
}

export const TRANCHE_PLAN_50_40_10 = {
  preset: "50-40-10",
  tranches: [
    { shareBp: 5000, gate: "signing" },
    { shareBp: 4000, gate: "midterm_approved" },
    { shareBp: 1000, gate: "final_approved" },
  ],
};

const DAY = 24 * 60 * 60 * 1000;

/**
 * An instant this far from now, at a whole minute: the program form edits its window in minutes, so a window with
 * seconds would be logged as changed by an edit that leaves it as it reads.
 */
export function wholeMinutesFromNow(offsetMs: number): string {
  const minute = 60_000;
  return new Date(Math.floor((Date.now() + offsetMs) / minute) * minute).toISOString();
}

export async function createProgram(
  db: DB,
  options: {
    funderId: number;
    status?: string;
    title?: string;
    opensAt?: string;
    closesAt?: string;
    overrides?: Partial<Insertable<ProgramTable>>;
    categories?: { name: string; quota?: number | null }[];
    fundingSources?: { name: string; kind: string; amountFen: number }[];
  },
) {
  const n = next();
  const stamp = now();
  const program = await db
    .insertInto("program")
    .values({
      funderId: options.funderId,
      code: `WGY${new Date().getFullYear()}-${String(n).padStart(3, "0")}`,
      title: options.title ?? `第${n}届社区微公益创投大赛`,
      summary: "面向辖区社区社会组织征集“一老一小一困一残”微公益项目，单个项目资助 3,000 至 30,000 元。",
      description:
        "本届大赛由街道社区慈善基金与区民政局公益金共同出资，支持社区社会组织围绕为老服务、儿童关爱、困难帮扶和助残服务开展微项目。",
      status: options.status ?? "open",
      grantMinFen: 300_000,
      grantMaxFen: 3_000_000,
      filedTeamGrantMaxFen: 500_000,
      maxGrantShareBp: 8000,
      personnelCapBp: 3000,
      managementCapBp: 1000,
      prohibitedCategories: JSON.stringify(["fixed_assets", "cash_gifts", "hospitality"]),
      proposalsPerOrg: 2,
      eligibleKinds: JSON.stringify(["registered", "filed_team"]),
      minRating: null,
      opensAt: options.opensAt ?? wholeMinutesFromNow(-7 * DAY),
      closesAt: options.closesAt ?? wholeMinutesFromNow(21 * DAY),
      implementationStartsOn: new Date(Date.now() + 45 * DAY).toISOString().slice(0, 10),
      implementationEndsOn: new Date(Date.now() + 300 * DAY).toISOString().slice(0, 10),
      noticeWorkingDays: 5,
      tranchePlan: JSON.stringify(TRANCHE_PLAN_50_40_10),
      createdAt: stamp,
      updatedAt: stamp,
      ...options.overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  const categories = options.categories ?? [
    { name: "为老服务", quota: 4 },
    { name: "儿童关爱", quota: 3 },
    { name: "困难帮扶", quota: null },
    { name: "助残服务", quota: null },
  ];
  await db
    .insertInto("programCategory")
    .values(
      categories.map((c, position) => ({ programId: program.id, name: c.name, quota: c.quota ?? null, position })),
    )
    .execute();
  await db
    .insertInto("programTargetGroup")
    .values(
      ["elderly", "children", "needy", "disabled"].map((code, position) => ({
        programId: program.id,
        code,
        name: null,
        position,
      })),
    )
    .execute();
  const sources = options.fundingSources ?? [
    { name: "南七街道社区慈善基金", kind: "community_charity_fund", amountFen: 15_000_000 },
    { name: "蜀山区民政局福彩公益金", kind: "public_budget", amountFen: 10_000_000 },
  ];
  await db
    .insertInto("fundingSource")
    .values(sources.map((s, position) => ({ programId: program.id, ...s, position })))
    .execute();
  return program;
}

/** A password-reset link for the user; returns the token the emailed link would carry. */
export async function createPasswordReset(
  db: DB,
  options: { userId: number; expiresAt?: string; usedAt?: string | null },
) {
  const { token, tokenHash } = newToken();
  await db
    .insertInto("passwordReset")
    .values({
      userId: options.userId,
      tokenHash,
      createdAt: now(),
      expiresAt: options.expiresAt ?? new Date(Date.now() + 60 * 60 * 1000).toISOString(),
      usedAt: options.usedAt ?? null,
    })
    .execute();
  return { token };
}

/** An invitation to a funder's staff or an organisation's members; returns its id and the token of its link. */
export async function createInvitationLink(
  db: DB,
  options: {
    email: string;
    invitedBy: number;
    funderId?: number;
    organizationId?: number;
    expiresAt?: string;
  },
) {
  const { token, tokenHash } = newToken();
  const row = await db
    .insertInto("invitation")
    .values({
      kind: options.funderId !== undefined ? "funder_manager" : "organization_member",
      funderId: options.funderId ?? null,
      organizationId: options.organizationId ?? null,
      email: options.email.toLowerCase(),
      tokenHash,
      invitedBy: options.invitedBy,
      createdAt: now(),
      expiresAt: options.expiresAt ?? new Date(Date.now() + 7 * DAY).toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

/** An audit event as a past change would have left it; `at` lets tests place it on a given day. */
export async function createAuditEvent(
  db: DB,
  options: {
    action: string;
    entityType: string;
    entityId?: number | null;
    actorUserId?: number | null;
    at?: string;
    before?: unknown;
    after?: unknown;
  },
) {
  return db
    .insertInto("auditEvent")
    .values({
      at: options.at ?? now(),
      actorUserId: options.actorUserId ?? null,
      action: options.action,
      entityType: options.entityType,
      entityId: options.entityId ?? null,
      funderId: null,
      organizationId: null,
      before: options.before === undefined ? null : JSON.stringify(options.before),
      after: options.after === undefined ? null : JSON.stringify(options.after),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

// ---- proposals ----

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * A complete proposal that passes every rule of a program made by createProgram, for a street-filed team (grant
 * ¥4,800 of ¥6,300, under the ¥5,000 filed-team cap and the 80% share): 2 team members, 8 budget lines, 4
 * milestones inside the implementation period, 3 impact targets.
 */
export function realisticProposalContent(program: {
  categoryIds: number[];
  targetGroupIds: number[];
  implementationStartsOn: string;
  implementationEndsOn: string;
}): ProposalContent {
  const [elderly] = program.targetGroupIds;
  const line = (
    category: CostCategory,
    item: string,
    unitPriceFen: number,
    quantity: number,
    unit: string,
    fundingSource: "grant" | "self_raised" | "partner_match",
    basis: string,
  ) => ({ category, item, unitPriceFen, quantityHundredths: Math.round(quantity * 100), unit, fundingSource, basis });
  const start = program.implementationStartsOn;
  return {
    title: "银龄相伴·独居老人结对探访",
    programCategoryId: program.categoryIds[0] ?? null,
    targetGroupIds: elderly === undefined ? [] : [elderly],
    serviceCommunity: "南七街道幸福社区",
    startsOn: start,
    endsOn: program.implementationEndsOn,
    expectedBeneficiaries: 60,
    summary:
      "组织社区志愿者与 60 位独居、空巢老人结对，每周上门探访两次，提供陪伴聊天、安全检查和代办服务，缓解老人孤独感。",
    needs:
      "幸福社区 60 岁以上老人 1,200 余人，其中独居、空巢老人 86 人。2025 年社区走访显示，七成独居老人每周与人交流不足三次。",
    goals: "一年内建立 30 对稳定的结对关系，独居老人每周获得两次上门探访，满意度达到 90% 以上。",
    activityPlan:
      "第一阶段招募并培训志愿者；第二阶段结对探访，每周两次；第三阶段每季度举办一次联谊活动；第四阶段总结评估。",
    innovation: "引入“时间银行”积分，志愿者服务时长可兑换社区服务。",
    sustainability: "项目结束后由社区养老服务站接续，志愿者队伍纳入社区志愿服务站管理。",
    risks: "老人突发疾病：志愿者均持急救证上岗，并与家属、社区卫生服务站建立联络；志愿者流失：建立激励和替补机制。",
    teamMembers: [
      { name: "李秀英", role: "项目负责人", qualification: "助理社会工作师" },
      { name: "王建国", role: "志愿者队长", qualification: "红十字救护员证" },
    ],
    budgetLines: [
      line("activity_materials", "探访慰问包（米面油）", 5_000, 40, "份", "grant", "50 元/份 × 40 份"),
      line("publicity", "宣传海报及横幅", 15_000, 4, "幅", "grant", "150 元/幅 × 4 幅"),
      line("expert_fees", "急救培训讲师劳务", 40_000, 2, "次", "grant", "400 元/次 × 2 次"),
      line("personnel", "志愿者交通餐补", 2_000, 40, "人次", "grant", "20 元/人次 × 40 人次"),
      line("transport", "联谊活动用车", 20_000, 1.5, "天", "grant", "200 元/天 × 1.5 天"),
      line("meals", "联谊活动茶歇", 1_500, 20, "份", "grant", "15 元/份 × 20 份"),
      line("venue", "活动场地布置", 50_000, 1, "次", "self_raised", "社区自筹"),
      line("other", "志愿者意外保险", 1_000, 100, "人", "partner_match", "辖区企业配套"),
    ],
    milestones: [
      { title: "完成志愿者招募与急救培训", dueOn: addDays(start, 30), deliverable: "培训签到表、照片" },
      { title: "30 对结对关系建立", dueOn: addDays(start, 90), deliverable: "结对名单、探访记录表" },
      { title: "中期联谊活动", dueOn: addDays(start, 150), deliverable: "活动记录、照片、满意度问卷" },
      { title: "项目总结评估", dueOn: program.implementationEndsOn, deliverable: "总结报告、受益人确认" },
    ],
    indicatorTargets: [
      {
        indicator: "service_visits",
        customName: "",
        customUnit: "",
        targetValue: 1_200,
        split: elderly === undefined ? [] : [{ targetGroupId: elderly, value: 1_200 }],
      },
      { indicator: "beneficiaries", customName: "", customUnit: "", targetValue: 60, split: [] },
      { indicator: "satisfaction", customName: "", customUnit: "", targetValue: 90, split: [] },
    ],
  };
}

/**
 * A proposal of the organisation to the program, with realistic content (or the content given). A status other
 * than draft gets a number and version 1, as a submission would have given it.
 */
export async function createProposal(
  db: DB,
  options: {
    programId: number;
    organizationId: number;
    createdBy: number;
    status?: string;
    content?: Partial<ProposalContent>;
  },
) {
  const program = await db
    .selectFrom("program")
    .selectAll()
    .where("id", "=", options.programId)
    .executeTakeFirstOrThrow();
  const [categories, targetGroups, organization] = await Promise.all([
    db
      .selectFrom("programCategory")
      .select(["id", "name"])
      .where("programId", "=", program.id)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("programTargetGroup")
      .select(["id", "code", "name"])
      .where("programId", "=", program.id)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("organization")
      .select(["id", "name", "kind"])
      .where("id", "=", options.organizationId)
      .executeTakeFirstOrThrow(),
  ]);
  const content: ProposalContent = {
    ...realisticProposalContent({
      categoryIds: categories.map((c) => c.id),
      targetGroupIds: targetGroups.map((g) => g.id),
      implementationStartsOn: program.implementationStartsOn,
      implementationEndsOn: program.implementationEndsOn,
    }),
    ...options.content,
  };
  const status = options.status ?? "draft";
  const stamp = now();
  const totals = budgetTotals(content.budgetLines);
  let numbering: { number: string; submissionSequence: number } | null = null;
  if (status !== "draft") {
    const last = await db
      .selectFrom("proposal")
      .select((eb) => eb.fn.max("submissionSequence").as("sequence"))
      .where("programId", "=", program.id)
      .executeTakeFirstOrThrow();
    const submissionSequence = Number(last.sequence ?? 0) + 1;
    numbering = { number: proposalNumber(program.code, submissionSequence), submissionSequence };
  }
  const stored = contentToStored(content);
  const proposal = await db
    .insertInto("proposal")
    .values({
      ...stored.proposal,
      programId: program.id,
      organizationId: options.organizationId,
      status,
      number: numbering?.number ?? null,
      submissionSequence: numbering?.submissionSequence ?? null,
      currentVersion: numbering ? 1 : 0,
      grantRequestedFen: totals.grantRequestedFen,
      totalBudgetFen: totals.totalFen,
      createdBy: options.createdBy,
      createdAt: stamp,
      updatedAt: stamp,
      submittedAt: numbering ? stamp : null,
      withdrawnAt: status === "withdrawn" ? stamp : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertContentRows(db, proposal.id, stored);
  if (numbering) {
    const snapshot = buildSnapshot({
      number: numbering.number,
      version: 1,
      submittedAt: stamp,
      program: { id: program.id, code: program.code, title: program.title },
      organization,
      categories,
      targetGroups,
      content,
      attachments: [],
    });
    await db
      .insertInto("proposalVersion")
      .values({
        proposalId: proposal.id,
        version: 1,
        snapshot: JSON.stringify(snapshot),
        reason: "submitted",
        createdAt: stamp,
        createdBy: options.createdBy,
      })
      .execute();
  }
  return proposal;
}

/** A file attached to a proposal, written where uploads are stored. The default bytes are a minimal PDF. */
export async function createAttachment(
  db: DB,
  options: { proposalId: number; uploadedBy: number; originalName?: string; bytes?: Buffer; mimeType?: string },
) {
  const bytes =
    options.bytes ?? Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
  const storedName = `${newToken().tokenHash.slice(0, 32)}.pdf`;
  const file = attachmentFilePath(storedName);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return db
    .insertInto("attachment")
    .values({
      proposalId: options.proposalId,
      originalName: options.originalName ?? "项目预算明细.pdf",
      storedName,
      mimeType: options.mimeType ?? "application/pdf",
      sizeBytes: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      uploadedBy: options.uploadedBy,
      createdAt: now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ---- many proposals: the benchmark's program and the demo's busy list ----

/** Project themes as community teams name them, with the focus area and target group (by position) they serve. */
const proposalThemes = [
  { brand: "银龄相伴", topic: "独居老人结对探访", area: 0 },
  { brand: "童心港湾", topic: "四点半课堂", area: 1 },
  { brand: "邻里守望", topic: "困难家庭微心愿", area: 2 },
  { brand: "助残同行", topic: "残疾人居家康复陪伴", area: 3 },
  { brand: "暖心食堂", topic: "高龄老人助餐送餐", area: 0 },
  { brand: "书香社区", topic: "留守儿童亲子共读", area: 1 },
  { brand: "健康小屋", topic: "慢病老人自我管理", area: 0 },
  { brand: "微光课堂", topic: "流动儿童课业辅导", area: 1 },
  { brand: "夕阳红", topic: "老年人智能手机培训", area: 0 },
  { brand: "巧手工坊", topic: "残障人士手工技能", area: 3 },
  { brand: "安心守护", topic: "独居老人燃气安全巡查", area: 2 },
  { brand: "温暖衣橱", topic: "困难群众冬衣募集", area: 2 },
] as const;

export const benchCommunities = [
  "南七街道幸福社区",
  "南七街道南七社区",
  "南七街道西园社区",
  "稻香村街道稻香村社区",
  "琥珀街道琥珀社区",
  "琥珀街道潜山社区",
  "三里庵街道井岗社区",
  "荷叶地街道荷叶地社区",
  "五里墩街道五里墩社区",
  "笔架山街道笔架山社区",
  "西园街道西园新村社区",
  "井岗镇十里店社区",
] as const;

/** Screening states in a realistic mix: most wait for screening, some are decided, a few returned or withdrawn. */
const statusMix = [
  ...Array.from({ length: 12 }, () => "submitted"),
  "eligible",
  "eligible",
  "eligible",
  "returned",
  "returned",
  "ineligible",
  "in_review",
  "withdrawn",
] as const;

/**
 * The index-th of many different proposals to one program: the realistic content with its own theme, community,
 * focus area, target group and amounts, so filters, sorting and search have something to tell apart.
 */
export function variedProposalContent(
  index: number,
  program: {
    categoryIds: number[];
    targetGroupIds: number[];
    implementationStartsOn: string;
    implementationEndsOn: string;
  },
): ProposalContent {
  const base = realisticProposalContent(program);
  const theme = proposalThemes[index % proposalThemes.length] ?? proposalThemes[0];
  const community =
    benchCommunities[Math.floor(index / proposalThemes.length) % benchCommunities.length] ?? benchCommunities[0];
  const place = community.replace(/^.*?(街道|镇)/, "");
  const groupId = program.targetGroupIds[theme.area];
  return {
    ...base,
    title: `${theme.brand}·${place}${theme.topic}`,
    programCategoryId: program.categoryIds[theme.area] ?? null,
    targetGroupIds: groupId === undefined ? [] : [groupId],
    serviceCommunity: community,
    expectedBeneficiaries: 30 + (index % 90),
    // 20 to 60 relief packs: grants from about ¥3,800 to ¥5,800.
    budgetLines: base.budgetLines.map((line, position) =>
      line && position === 0 ? { ...line, quantityHundredths: (20 + ((index * 7) % 41)) * 100 } : line,
    ),
  };
}

export function variedProposalStatus(index: number): string {
  return statusMix[(index * 7) % statusMix.length] ?? "submitted";
}

/**
 * Attachment rows without files (for volume: the benchmark, lists), added to the proposal's current version as a
 * submission would have listed them. Downloads of these rows find no file; use createAttachment for that.
 */
export async function createAttachmentRows(
  db: DB,
  options: {
    proposalId: number;
    uploadedBy: number;
    files: { originalName: string; mimeType: string; sizeBytes: number }[];
  },
) {
  const stamp = now();
  const rows = await db
    .insertInto("attachment")
    .values(
      options.files.map((file) => {
        const { token, tokenHash } = newToken();
        return {
          proposalId: options.proposalId,
          originalName: file.originalName,
          storedName: `${token.slice(0, 32).toLowerCase()}.${file.originalName.split(".").pop() ?? "bin"}`,
          mimeType: file.mimeType,
          sizeBytes: file.sizeBytes,
          sha256: tokenHash,
          uploadedBy: options.uploadedBy,
          createdAt: stamp,
        };
      }),
    )
    .returning(["id", "originalName", "mimeType", "sizeBytes", "sha256"])
    .execute();
  const version = await db
    .selectFrom("proposalVersion")
    .innerJoin("proposal", (join) =>
      join
        .onRef("proposal.id", "=", "proposalVersion.proposalId")
        .onRef("proposal.currentVersion", "=", "proposalVersion.version"),
    )
    .select(["proposalVersion.id", "proposalVersion.snapshot"])
    .where("proposal.id", "=", options.proposalId)
    .executeTakeFirst();
  if (version) {
    const snapshot: ProposalSnapshot = JSON.parse(version.snapshot);
    snapshot.attachments = [...snapshot.attachments, ...rows];
    await db
      .updateTable("proposalVersion")
      .set({ snapshot: JSON.stringify(snapshot) })
      .where("id", "=", version.id)
      .execute();
  }
  return rows;
}

const benchAttachments = [
  { originalName: "项目实施方案.pdf", mimeType: "application/pdf", sizeBytes: 486_000 },
  {
    originalName: "预算明细表.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    sizeBytes: 23_500,
  },
];

/**
 * Many proposals to one program from the given organisations, each of realistic size (2 team members, 8 budget
 * lines, 4 milestones, 3 targets, 2 attachment rows), in varied states. Pass a transaction to make it fast.
 */
export async function createManyProposals(
  db: DB,
  options: { programId: number; applicants: { organizationId: number; userId: number }[]; count: number },
) {
  const program = await db
    .selectFrom("program")
    .selectAll()
    .where("id", "=", options.programId)
    .executeTakeFirstOrThrow();
  const [categories, targetGroups] = await Promise.all([
    db.selectFrom("programCategory").select("id").where("programId", "=", program.id).orderBy("position").execute(),
    db.selectFrom("programTargetGroup").select("id").where("programId", "=", program.id).orderBy("position").execute(),
  ]);
  const shape = {
    categoryIds: categories.map((row) => row.id),
    targetGroupIds: targetGroups.map((row) => row.id),
    implementationStartsOn: program.implementationStartsOn,
    implementationEndsOn: program.implementationEndsOn,
  };
  const ids: number[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const applicant = options.applicants[index % options.applicants.length];
    if (!applicant) throw new Error("createManyProposals needs at least one applicant");
    const proposal = await createProposal(db, {
      programId: program.id,
      organizationId: applicant.organizationId,
      createdBy: applicant.userId,
      status: variedProposalStatus(index),
      content: variedProposalContent(index, shape),
    });
    await createAttachmentRows(db, { proposalId: proposal.id, uploadedBy: applicant.userId, files: benchAttachments });
    ids.push(proposal.id);
  }
  return ids;
}
