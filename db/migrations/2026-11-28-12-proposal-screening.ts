import { type Kysely } from "kysely";
import { isPostgres, withId } from "./helpers";

// The manager's screening (资格审查) of submitted proposals, and the indexes behind the manager's proposal list.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per decision: eligible, ineligible (with the reason the applicant is told) or returned for revision
  // (with the comment the applicant works from). The proposal's status says where it stands now; these rows say
  // who decided what about which version, and why.
  await withId(db, db.schema.createTable("proposal_screening"))
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposal.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("decided_by", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("decided_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("proposal_screening_proposal_idx")
    .on("proposal_screening")
    .columns(["proposal_id", "decided_at"])
    .execute();

  // The manager's list shows proposals handed in at least once (submitted_at set), newest first by default.
  // (program_id, submitted_at) serves the default order; (program_id, status, submitted_at) serves the status
  // filter in that order and covers the counts by status; the others serve the list's other sort orders.
  await db.schema
    .createIndex("proposal_program_submitted_idx")
    .on("proposal")
    .columns(["program_id", "submitted_at"])
    .execute();
  await db.schema
    .createIndex("proposal_program_status_submitted_idx")
    .on("proposal")
    .columns(["program_id", "status", "submitted_at"])
    .execute();
  await db.schema
    .createIndex("proposal_program_grant_idx")
    .on("proposal")
    .columns(["program_id", "grant_requested_fen"])
    .execute();
  await db.schema
    .createIndex("proposal_program_total_idx")
    .on("proposal")
    .columns(["program_id", "total_budget_fen"])
    .execute();
  // SQLite got (program_id, title) with the proposals table; PostgreSQL got a trigram index for the title search
  // instead, and needs this one for sorting by title.
  if (isPostgres(db)) {
    await db.schema.createIndex("proposal_program_title_idx").on("proposal").columns(["program_id", "title"]).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await db.schema.dropIndex("proposal_program_title_idx").execute();
  for (const index of [
    "proposal_program_total_idx",
    "proposal_program_grant_idx",
    "proposal_program_status_submitted_idx",
    "proposal_program_submitted_idx",
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.dropTable("proposal_screening").execute();
}
