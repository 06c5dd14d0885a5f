import { type Kysely, sql } from "kysely";
import { isPostgres, moneyType, withId } from "./helpers";

// Proposals (申报书) and their rows. A draft may be incomplete, so most content columns are nullable or default to
// an empty string; completeness is checked when the proposal is submitted, not by the database.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("proposal"))
    .addColumn("program_id", "integer", (c) => c.notNull().references("program.id"))
    .addColumn("organization_id", "integer", (c) => c.notNull().references("organization.id"))
    // Program code + submission sequence, e.g. "WGY2026-001-007"; assigned on the first submission only.
    .addColumn("number", "text", (c) => c.unique())
    .addColumn("submission_sequence", "integer")
    .addColumn("status", "text", (c) => c.notNull())
    // 0 while never submitted; each (re)submission freezes the content as the next version.
    .addColumn("current_version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("program_category_id", "integer", (c) => c.references("program_category.id"))
    .addColumn("service_community", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("starts_on", "text")
    .addColumn("ends_on", "text")
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("needs", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("goals", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("activity_plan", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("innovation", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("sustainability", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("risks", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("expected_beneficiaries", "integer")
    // Denormalised budget totals, rewritten with the budget lines in the same transaction, so lists, exports and
    // the benchmark never aggregate budget lines per row.
    .addColumn("grant_requested_fen", moneyType, (c) => c.notNull().defaultTo(0))
    .addColumn("total_budget_fen", moneyType, (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text")
    .addColumn("withdrawn_at", "text")
    .execute();
  await db.schema
    .createIndex("proposal_program_status_idx")
    .on("proposal")
    .columns(["program_id", "status", "created_at"])
    .execute();
  await db.schema
    .createIndex("proposal_program_created_idx")
    .on("proposal")
    .columns(["program_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("proposal_program_sequence_idx")
    .on("proposal")
    .columns(["program_id", "submission_sequence"])
    .unique()
    .execute();
  await db.schema
    .createIndex("proposal_program_category_idx")
    .on("proposal")
    .columns(["program_id", "program_category_id"])
    .execute();
  await db.schema
    .createIndex("proposal_program_community_idx")
    .on("proposal")
    .columns(["program_id", "service_community"])
    .execute();
  await db.schema
    .createIndex("proposal_organization_idx")
    .on("proposal")
    .columns(["organization_id", "program_id", "status"])
    .execute();
  // Title search is a case-insensitive substring match (lower(title) like '%…%', see app/lib/search.ts): titles are
  // Chinese, without word breaks. PostgreSQL gets a trigram index on lower(title) (pg_trgm is a trusted extension
  // since PostgreSQL 13); SQLite scans a covering index within the program.
  if (isPostgres(db)) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index proposal_title_trgm_idx on proposal using gin (lower(title) gin_trgm_ops)`.execute(db);
  } else {
    await db.schema.createIndex("proposal_program_title_idx").on("proposal").columns(["program_id", "title"]).execute();
  }

  await db.schema
    .createTable("proposal_target_group")
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposal.id").onDelete("cascade"))
    .addColumn("program_target_group_id", "integer", (c) => c.notNull().references("program_target_group.id"))
    .addPrimaryKeyConstraint("proposal_target_group_pk", ["proposal_id", "program_target_group_id"])
    .execute();
  await db.schema
    .createIndex("proposal_target_group_group_idx")
    .on("proposal_target_group")
    .columns(["program_target_group_id", "proposal_id"])
    .execute();

  await withId(db, db.schema.createTable("team_member"))
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposal.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("role", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("qualification", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .createIndex("team_member_proposal_idx")
    .on("team_member")
    .columns(["proposal_id", "position"])
    .execute();

  await withId(db, db.schema.createTable("budget_line"))
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposal.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("category", "text")
    .addColumn("item", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("unit_price_fen", moneyType)
    // Quantity with two decimals (1.5 小时, 0.5 天), kept as an integer number of hundredths so arithmetic is exact.
    .addColumn("quantity_hundredths", "bigint")
    .addColumn("unit", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("amount_fen", moneyType, (c) => c.notNull().defaultTo(0))
    .addColumn("funding_source", "text")
    .addColumn("basis", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .createIndex("budget_line_proposal_idx")
    .on("budget_line")
    .columns(["proposal_id", "position"])
    .execute();

  await withId(db, db.schema.createTable("milestone"))
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposal.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("due_on", "text")
    .addColumn("deliverable", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("milestone_proposal_idx").on("milestone").columns(["proposal_id", "position"]).execute();

  await withId(db, db.schema.createTable("indicator_target"))
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposal.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    // A catalogue code (service_visits, beneficiaries, …) or null with a custom name and unit.
    .addColumn("indicator_code", "text")
    .addColumn("custom_name", "text")
    .addColumn("custom_unit", "text")
    .addColumn("target_value", "bigint")
    // JSON [{ "targetGroupId": 12, "value": 300 }]: an optional split of the target by the program's groups.
    .addColumn("target_group_split", "text")
    .execute();
  await db.schema
    .createIndex("indicator_target_proposal_idx")
    .on("indicator_target")
    .columns(["proposal_id", "position"])
    .execute();

  await withId(db, db.schema.createTable("attachment"))
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposal.id").onDelete("cascade"))
    .addColumn("original_name", "text", (c) => c.notNull())
    .addColumn("stored_name", "text", (c) => c.notNull().unique())
    .addColumn("mime_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    // Removed after a submission: the row and file stay because a frozen version lists them.
    .addColumn("removed_at", "text")
    .execute();
  await db.schema
    .createIndex("attachment_proposal_idx")
    .on("attachment")
    .columns(["proposal_id", "created_at"])
    .execute();

  await withId(db, db.schema.createTable("proposal_version"))
    .addColumn("proposal_id", "integer", (c) => c.notNull().references("proposal.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.notNull().references("user.id"))
    .execute();
  await db.schema
    .createIndex("proposal_version_proposal_idx")
    .on("proposal_version")
    .columns(["proposal_id", "version"])
    .unique()
    .execute();

  // Form values posted after the session expired, kept until the user signs in again and gets them back.
  await db.schema
    .createTable("draft_stash")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("form_values", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("draft_stash_expires_idx").on("draft_stash").column("expires_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "draft_stash",
    "proposal_version",
    "attachment",
    "indicator_target",
    "milestone",
    "budget_line",
    "team_member",
    "proposal_target_group",
    "proposal",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
