import type { Kysely } from "kysely";

// The audit log is browsed newest first and filtered by entity type; (entity_type, entity_id) from the foundation
// serves lookups of one record's history, this one serves "all events on programs, newest first".
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("audit_event_entity_type_at_idx")
    .on("audit_event")
    .columns(["entity_type", "at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_event_entity_type_at_idx").execute();
}
