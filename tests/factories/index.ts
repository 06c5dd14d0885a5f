// The only way tests (and the demo seed) create data. Each factory fills realistic defaults and accepts overrides.
import type { Insertable, Kysely } from "kysely";
import type { Database, FunderTable, OrganizationTable, ProgramTable } from "../../db/schema";
import { hashPassword } from "../../app/lib/password.server";
import { newToken } from "../../app/lib/tokens.server";

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

export async function createFunder(
  db: DB,
  overrides: Partial<Insertable<FunderTable>> = {},
) {
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

export async function addOrganizationMember(db: DB, organizationId: number, userId: number, role: "owner" | "member" = "member") {
  await db.insertInto("organizationMember").values({ organizationId, userId, role, createdAt: now() }).execute();
}

/** An applicant: a user who owns the given (or a new) organisation. */
export async function createApplicant(db: DB, options: { organizationId?: number; email?: string; name?: string } = {}) {
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
      code: `WGY${new Date().getFullYear()}-${String(n).padStart(3, "0")}-${process.pid % 1000}`,
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
      opensAt: options.opensAt ?? new Date(Date.now() - 7 * DAY).toISOString(),
      closesAt: options.closesAt ?? new Date(Date.now() + 21 * DAY).toISOString(),
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
    .values(categories.map((c, position) => ({ programId: program.id, name: c.name, quota: c.quota ?? null, position })))
    .execute();
  await db
    .insertInto("programTargetGroup")
    .values(
      ["elderly", "children", "needy", "disabled"].map((code, position) => ({ programId: program.id, code, name: null, position })),
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
