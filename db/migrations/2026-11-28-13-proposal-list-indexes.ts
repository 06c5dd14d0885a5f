import type { Kysely } from "kysely";

// Two more indexes for the manager's proposal list, found by profiling it at 5,000 proposals:
// - its community filter offers the communities of the handed-in proposals and filters by one of them in the order
//   of submission: (program_id, service_community, submitted_at) answers both from the index alone, where the
//   (program_id, service_community) index of the proposals migration had to read every row for submitted_at;
// - the common "this focus area, this status" view: (program_id, program_category_id, status, submitted_at) narrows
//   to exactly those rows in the default order, instead of reading every row of the status.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("proposal_program_community_submitted_idx")
    .on("proposal")
    .columns(["program_id", "service_community", "submitted_at"])
    .execute();
  await db.schema
    .createIndex("proposal_program_category_status_idx")
    .on("proposal")
    .columns(["program_id", "program_category_id", "status", "submitted_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("proposal_program_category_status_idx").execute();
  await db.schema.dropIndex("proposal_program_community_submitted_idx").execute();
}
