// The typed database: one interface per table, in camelCase (Kysely's CamelCasePlugin maps to snake_case SQL).
// Instants are ISO-8601 UTC strings, dates are YYYY-MM-DD strings, money is integer fen, booleans are 0/1 integers,
// JSON columns are text: both SQLite and PostgreSQL then return the same JS types.
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  phone: string | null;
  passwordHash: string;
  locale: string | null;
  isPlatformAdmin: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface SessionTable {
  id: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
  userAgent: string | null;
}

export interface PasswordResetTable {
  id: Generated<number>;
  userId: number;
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  lastFailureAt: string;
  lockedUntil: string | null;
}

export interface FunderTable {
  id: Generated<number>;
  name: string;
  kind: string;
  province: string;
  city: string;
  district: string | null;
  street: string | null;
  contactName: string | null;
  contactPhone: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FunderMemberTable {
  funderId: number;
  userId: number;
  createdAt: string;
}

export interface OrganizationTable {
  id: Generated<number>;
  kind: string;
  name: string;
  uscc: string | null;
  orgType: string | null;
  district: string;
  street: string;
  community: string;
  sponsorCommunity: string | null;
  filingNumber: string | null;
  responsiblePerson: string | null;
  contactName: string;
  contactPhone: string;
  address: string;
  registeredOn: string | null;
  rating: string | null;
  ratingExpiresOn: string | null;
  introduction: string;
  serviceExperience: string;
  bankAccountName: string | null;
  bankAccountNumber: string | null;
  bankName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrganizationMemberTable {
  organizationId: number;
  userId: number;
  role: string;
  createdAt: string;
}

export interface InvitationTable {
  id: Generated<number>;
  kind: string;
  funderId: number | null;
  organizationId: number | null;
  email: string;
  tokenHash: string;
  invitedBy: number;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  acceptedBy: number | null;
  revokedAt: string | null;
}

export interface ProgramTable {
  id: Generated<number>;
  funderId: number;
  code: string;
  title: string;
  summary: string;
  description: string;
  status: string;
  grantMinFen: number;
  grantMaxFen: number;
  filedTeamGrantMaxFen: number | null;
  maxGrantShareBp: number;
  personnelCapBp: number | null;
  managementCapBp: number | null;
  prohibitedCategories: string;
  proposalsPerOrg: number;
  eligibleKinds: string;
  minRating: string | null;
  opensAt: string;
  closesAt: string;
  implementationStartsOn: string;
  implementationEndsOn: string;
  noticeWorkingDays: number;
  tranchePlan: string;
  createdAt: string;
  updatedAt: string;
}

export interface ProgramCategoryTable {
  id: Generated<number>;
  programId: number;
  name: string;
  quota: number | null;
  position: number;
}

export interface ProgramTargetGroupTable {
  id: Generated<number>;
  programId: number;
  code: string;
  name: string | null;
  position: number;
}

export interface FundingSourceTable {
  id: Generated<number>;
  programId: number;
  name: string;
  kind: string;
  amountFen: number;
  position: number;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId: number | null;
  funderId: number | null;
  organizationId: number | null;
  before: string | null;
  after: string | null;
}

export interface OutboxMessageTable {
  id: Generated<number>;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
  error: string | null;
}

export interface Database {
  user: UserTable;
  session: SessionTable;
  passwordReset: PasswordResetTable;
  signInThrottle: SignInThrottleTable;
  funder: FunderTable;
  funderMember: FunderMemberTable;
  organization: OrganizationTable;
  organizationMember: OrganizationMemberTable;
  invitation: InvitationTable;
  program: ProgramTable;
  programCategory: ProgramCategoryTable;
  programTargetGroup: ProgramTargetGroupTable;
  fundingSource: FundingSourceTable;
  auditEvent: AuditEventTable;
  outboxMessage: OutboxMessageTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type Funder = Selectable<FunderTable>;
export type Organization = Selectable<OrganizationTable>;
export type NewOrganization = Insertable<OrganizationTable>;
export type OrganizationUpdate = Updateable<OrganizationTable>;
export type Program = Selectable<ProgramTable>;
export type NewProgram = Insertable<ProgramTable>;
export type AuditEvent = Selectable<AuditEventTable>;
