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
  /** Bumped by triggers whenever the manager's list tally of the program's proposals changes (migration 15). */
  proposalTallyRevision: Generated<number>;
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

// ---- proposals (migration 2026-11-28-02-proposals) ----
// Added through interface merging so this block stays an append-only addition to the file.

export interface ProposalTable {
  id: Generated<number>;
  programId: number;
  organizationId: number;
  /** Program code + submission sequence ("WGY2026-001-007"), set on the first submission. */
  number: string | null;
  submissionSequence: number | null;
  status: string;
  /** 0 until the first submission; then the number of the latest frozen version. */
  currentVersion: Generated<number>;
  title: Generated<string>;
  /** The focus area: a program_category of the proposal's program. */
  programCategoryId: number | null;
  serviceCommunity: Generated<string>;
  startsOn: string | null;
  endsOn: string | null;
  summary: Generated<string>;
  needs: Generated<string>;
  goals: Generated<string>;
  activityPlan: Generated<string>;
  innovation: Generated<string>;
  sustainability: Generated<string>;
  risks: Generated<string>;
  expectedBeneficiaries: number | null;
  /** Sum of grant-funded budget lines, rewritten with the lines in the same transaction. */
  grantRequestedFen: Generated<number>;
  totalBudgetFen: Generated<number>;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  withdrawnAt: string | null;
}

export interface ProposalTargetGroupTable {
  proposalId: number;
  programTargetGroupId: number;
}

export interface TeamMemberTable {
  id: Generated<number>;
  proposalId: number;
  position: number;
  name: string;
  role: string;
  qualification: string;
}

export interface BudgetLineTable {
  id: Generated<number>;
  proposalId: number;
  position: number;
  /** A cost category code from programs/catalogues.ts; null only in drafts. */
  category: string | null;
  item: string;
  unitPriceFen: number | null;
  /** Quantity × 100 (two decimals kept exactly). */
  quantityHundredths: number | null;
  unit: string;
  amountFen: number;
  /** grant | self_raised | partner_match; null only in drafts. */
  fundingSource: string | null;
  basis: string;
}

export interface MilestoneTable {
  id: Generated<number>;
  proposalId: number;
  position: number;
  title: string;
  dueOn: string | null;
  deliverable: string;
}

export interface IndicatorTargetTable {
  id: Generated<number>;
  proposalId: number;
  position: number;
  indicatorCode: string | null;
  customName: string | null;
  customUnit: string | null;
  targetValue: number | null;
  /** JSON [{ targetGroupId, value }] or null. */
  targetGroupSplit: string | null;
}

export interface AttachmentTable {
  id: Generated<number>;
  proposalId: number;
  originalName: string;
  storedName: string;
  /** Detected from the bytes, never taken from the browser. */
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: number;
  createdAt: string;
  removedAt: string | null;
}

export interface ProposalVersionTable {
  id: Generated<number>;
  proposalId: number;
  version: number;
  /** JSON of the whole content as submitted (see ProposalSnapshot in features/proposals). */
  snapshot: string;
  /** submitted | resubmitted */
  reason: string;
  createdAt: string;
  createdBy: number;
}

export interface DraftStashTable {
  id: string;
  path: string;
  /** JSON of the posted form values. */
  formValues: string;
  createdAt: string;
  expiresAt: string;
}

export interface Database {
  proposal: ProposalTable;
  proposalTargetGroup: ProposalTargetGroupTable;
  teamMember: TeamMemberTable;
  budgetLine: BudgetLineTable;
  milestone: MilestoneTable;
  indicatorTarget: IndicatorTargetTable;
  attachment: AttachmentTable;
  proposalVersion: ProposalVersionTable;
  draftStash: DraftStashTable;
}

export type Proposal = Selectable<ProposalTable>;
export type BudgetLine = Selectable<BudgetLineTable>;
export type Attachment = Selectable<AttachmentTable>;
export type ProposalVersion = Selectable<ProposalVersionTable>;

// ---- proposal screening (migration 2026-11-28-12-proposal-screening) ----

export interface ProposalScreeningTable {
  id: Generated<number>;
  proposalId: number;
  /** The version the decision was made on. */
  version: number;
  /** eligible | ineligible | returned */
  decision: string;
  /** The reason (ineligible) or the revision comment (returned) the applicant is told; may be empty for eligible. */
  comment: string;
  decidedBy: number;
  decidedAt: string;
}

export interface Database {
  proposalScreening: ProposalScreeningTable;
}

// ---- a returned proposal's revision (migration 2026-11-29-18-proposal-revision) ----

/**
 * What the applicant has saved of a returned proposal since it came back: kept apart so the proposal's row and
 * rows go on holding the version handed in (the manager's list, counts and exports read them) until the revision is
 * handed in, when it replaces them and is frozen as the next version.
 */
export interface ProposalRevisionTable {
  proposalId: number;
  /** The revision's title and grant requested, for the organisation's own lists. */
  title: string;
  grantRequestedFen: number;
  /** Its focus area; with its target groups (below), what the program form must not remove. */
  programCategoryId: number | null;
  /**
   * JSON of the content as last saved (StoredProposalRows in features/proposals), read back without a schema like
   * the version snapshots: a change to that shape needs a migration of the revisions still open.
   */
  content: string;
}

export interface ProposalRevisionTargetGroupTable {
  proposalId: number;
  programTargetGroupId: number;
}

export interface Database {
  proposalRevision: ProposalRevisionTable;
  proposalRevisionTargetGroup: ProposalRevisionTargetGroupTable;
}
