import type { Kysely } from "kysely";
import { moneyType, withId } from "./helpers";

// Booleans are integer 0/1 and JSON is text on both databases so the drivers return the same JS types.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("user"))
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("phone", "text")
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("locale", "text")
    .addColumn("is_platform_admin", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("session_user_idx").on("session").column("user_id").execute();

  await withId(db, db.schema.createTable("password_reset"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  await db.schema
    .createTable("sign_in_throttle")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("last_failure_at", "text", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .execute();

  await withId(db, db.schema.createTable("funder"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("province", "text", (c) => c.notNull())
    .addColumn("city", "text", (c) => c.notNull())
    .addColumn("district", "text")
    .addColumn("street", "text")
    .addColumn("contact_name", "text")
    .addColumn("contact_phone", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("funder_member")
    .addColumn("funder_id", "integer", (c) => c.notNull().references("funder.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("funder_member_pk", ["funder_id", "user_id"])
    .execute();
  await db.schema.createIndex("funder_member_user_idx").on("funder_member").column("user_id").execute();

  await withId(db, db.schema.createTable("organization"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("uscc", "text", (c) => c.unique())
    .addColumn("org_type", "text")
    .addColumn("district", "text", (c) => c.notNull())
    .addColumn("street", "text", (c) => c.notNull())
    .addColumn("community", "text", (c) => c.notNull())
    .addColumn("sponsor_community", "text")
    .addColumn("filing_number", "text")
    .addColumn("responsible_person", "text")
    .addColumn("contact_name", "text", (c) => c.notNull())
    .addColumn("contact_phone", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("registered_on", "text")
    .addColumn("rating", "text")
    .addColumn("rating_expires_on", "text")
    .addColumn("introduction", "text", (c) => c.notNull())
    .addColumn("service_experience", "text", (c) => c.notNull())
    .addColumn("bank_account_name", "text")
    .addColumn("bank_account_number", "text")
    .addColumn("bank_name", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("organization_member")
    .addColumn("organization_id", "integer", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("organization_member_pk", ["organization_id", "user_id"])
    .execute();
  await db.schema.createIndex("organization_member_user_idx").on("organization_member").column("user_id").execute();

  await withId(db, db.schema.createTable("invitation"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("funder_id", "integer", (c) => c.references("funder.id").onDelete("cascade"))
    .addColumn("organization_id", "integer", (c) => c.references("organization.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("invited_by", "integer", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("accepted_at", "text")
    .addColumn("accepted_by", "integer", (c) => c.references("user.id"))
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("invitation_funder_idx").on("invitation").column("funder_id").execute();
  await db.schema.createIndex("invitation_organization_idx").on("invitation").column("organization_id").execute();

  await withId(db, db.schema.createTable("program"))
    .addColumn("funder_id", "integer", (c) => c.notNull().references("funder.id"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("grant_min_fen", moneyType, (c) => c.notNull())
    .addColumn("grant_max_fen", moneyType, (c) => c.notNull())
    .addColumn("filed_team_grant_max_fen", moneyType)
    .addColumn("max_grant_share_bp", "integer", (c) => c.notNull())
    .addColumn("personnel_cap_bp", "integer")
    .addColumn("management_cap_bp", "integer")
    .addColumn("prohibited_categories", "text", (c) => c.notNull())
    .addColumn("proposals_per_org", "integer", (c) => c.notNull())
    .addColumn("eligible_kinds", "text", (c) => c.notNull())
    .addColumn("min_rating", "text")
    .addColumn("opens_at", "text", (c) => c.notNull())
    .addColumn("closes_at", "text", (c) => c.notNull())
    .addColumn("implementation_starts_on", "text", (c) => c.notNull())
    .addColumn("implementation_ends_on", "text", (c) => c.notNull())
    .addColumn("notice_working_days", "integer", (c) => c.notNull())
    .addColumn("tranche_plan", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("program_funder_idx").on("program").columns(["funder_id", "created_at"]).execute();
  await db.schema.createIndex("program_status_idx").on("program").columns(["status", "opens_at"]).execute();

  await withId(db, db.schema.createTable("program_category"))
    .addColumn("program_id", "integer", (c) => c.notNull().references("program.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("quota", "integer")
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("program_category_program_idx").on("program_category").column("program_id").execute();

  await withId(db, db.schema.createTable("program_target_group"))
    .addColumn("program_id", "integer", (c) => c.notNull().references("program.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("program_target_group_program_idx")
    .on("program_target_group")
    .column("program_id")
    .execute();

  await withId(db, db.schema.createTable("funding_source"))
    .addColumn("program_id", "integer", (c) => c.notNull().references("program.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("amount_fen", moneyType, (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("funding_source_program_idx").on("funding_source").column("program_id").execute();

  await withId(db, db.schema.createTable("audit_event"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "integer")
    .addColumn("funder_id", "integer")
    .addColumn("organization_id", "integer")
    .addColumn("before", "text")
    .addColumn("after", "text")
    .execute();
  await db.schema.createIndex("audit_event_at_idx").on("audit_event").column("at").execute();
  await db.schema
    .createIndex("audit_event_entity_idx")
    .on("audit_event")
    .columns(["entity_type", "entity_id"])
    .execute();
  await db.schema.createIndex("audit_event_actor_idx").on("audit_event").columns(["actor_user_id", "at"]).execute();
  await db.schema.createIndex("audit_event_action_idx").on("audit_event").columns(["action", "at"]).execute();

  await withId(db, db.schema.createTable("outbox_message"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("recipient", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("error", "text")
    .execute();
  await db.schema.createIndex("outbox_message_created_idx").on("outbox_message").column("created_at").execute();
  await db.schema
    .createIndex("outbox_message_recipient_idx")
    .on("outbox_message")
    .columns(["recipient", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "outbox_message",
    "audit_event",
    "funding_source",
    "program_target_group",
    "program_category",
    "program",
    "invitation",
    "organization_member",
    "organization",
    "funder_member",
    "funder",
    "sign_in_throttle",
    "password_reset",
    "session",
    "user",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
