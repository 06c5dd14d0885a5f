import type { Kysely } from "kysely";
import { moneyType } from "./helpers";

// A returned proposal's edits are kept in their own rows until it is handed in again (see ProposalRevisionTable in
// db/schema.ts). Returned proposals saved before this migration keep their edits in the proposal's rows, as they
// did, until they are handed in.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("proposal_revision")
    .addColumn("proposal_id", "integer", (c) => c.primaryKey().references("proposal.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("grant_requested_fen", moneyType, (c) => c.notNull())
    .addColumn("program_category_id", "integer", (c) => c.references("program_category.id"))
    .addColumn("content", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("proposal_revision_target_group")
    .addColumn("proposal_id", "integer", (c) =>
      c.notNull().references("proposal_revision.proposal_id").onDelete("cascade"),
    )
    .addColumn("program_target_group_id", "integer", (c) => c.notNull().references("program_target_group.id"))
    .addPrimaryKeyConstraint("proposal_revision_target_group_pk", ["proposal_id", "program_target_group_id"])
    .execute();
  // The program form's check that a focus area or target group it removes is not in use reads these by id.
  await db.schema
    .createIndex("proposal_revision_category_idx")
    .on("proposal_revision")
    .column("program_category_id")
    .execute();
  await db.schema
    .createIndex("proposal_revision_target_group_idx")
    .on("proposal_revision_target_group")
    .column("program_target_group_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("proposal_revision_target_group").execute();
  await db.schema.dropTable("proposal_revision").execute();
}
