import type { Kysely } from "kysely";
import { moneyType } from "./helpers";

// A returned proposal's edits are kept in their own row until it is handed in again (see ProposalRevisionTable in
// db/schema.ts). Returned proposals saved before this migration keep their edits in the proposal's rows, as they
// did, until they are handed in.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("proposal_revision")
    .addColumn("proposal_id", "integer", (c) => c.primaryKey().references("proposal.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("grant_requested_fen", moneyType, (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("saved_at", "text", (c) => c.notNull())
    .addColumn("saved_by", "integer", (c) => c.notNull().references("user.id"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("proposal_revision").execute();
}
