import type { Kysely } from "kysely";

// The manager's list reads the counts by status and the community filter's choices in one GROUP BY over
// (status, service_community): this index answers it from the index alone, one pass over the program's entries
// instead of two.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("proposal_program_status_community_idx")
    .on("proposal")
    .columns(["program_id", "status", "service_community", "submitted_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("proposal_program_status_community_idx").execute();
}
