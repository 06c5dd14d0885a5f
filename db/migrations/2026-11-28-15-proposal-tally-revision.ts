import { type Kysely, sql } from "kysely";
import { isPostgres } from "./helpers";

// program.proposal_tally_revision counts the changes to what the manager's list tallies: which of the program's
// proposals are handed in, their states and the communities they serve. The list keeps the tally (counts by state,
// the community filter's choices: one GROUP BY over every proposal of the program) in memory under this number and
// recounts only when it moves. Triggers bump it, so no write path, present or future, can forget to; they fire only
// when one of those columns changes on a proposal that is or was handed in, so saving a draft costs nothing.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("program")
    .addColumn("proposal_tally_revision", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  if (isPostgres(db)) {
    await sql`
      create function bump_proposal_tally_revision() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          if new.submitted_at is not null then
            update program set proposal_tally_revision = proposal_tally_revision + 1 where id = new.program_id;
          end if;
        elsif tg_op = 'DELETE' then
          if old.submitted_at is not null then
            update program set proposal_tally_revision = proposal_tally_revision + 1 where id = old.program_id;
          end if;
        elsif (old.submitted_at is not null or new.submitted_at is not null)
          and (old.status is distinct from new.status
            or old.service_community is distinct from new.service_community
            or old.submitted_at is distinct from new.submitted_at
            or old.program_id is distinct from new.program_id) then
          update program set proposal_tally_revision = proposal_tally_revision + 1
          where id in (old.program_id, new.program_id);
        end if;
        return null;
      end
      $$`.execute(db);
    await sql`
      create trigger proposal_tally_revision after insert or update or delete on proposal
      for each row execute function bump_proposal_tally_revision()`.execute(db);
    return;
  }
  // Handing in a new proposal (new), deleting a handed-in one (old).
  for (const [event, row] of [
    ["insert", "new"],
    ["delete", "old"],
  ] as const) {
    await sql`
      create trigger ${sql.raw(`proposal_tally_revision_${event}`)} after ${sql.raw(event)} on proposal
      when ${sql.raw(row)}.submitted_at is not null
      begin
        update program set proposal_tally_revision = proposal_tally_revision + 1 where id = ${sql.raw(row)}.program_id;
      end`.execute(db);
  }
  await sql`
    create trigger proposal_tally_revision_update after update on proposal
    when (old.submitted_at is not null or new.submitted_at is not null)
      and (old.status is not new.status
        or old.service_community is not new.service_community
        or old.submitted_at is not new.submitted_at
        or old.program_id is not new.program_id)
    begin
      update program set proposal_tally_revision = proposal_tally_revision + 1
      where id in (old.program_id, new.program_id);
    end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger proposal_tally_revision on proposal`.execute(db);
    await sql`drop function bump_proposal_tally_revision()`.execute(db);
  } else {
    for (const name of ["insert", "delete", "update"]) {
      await sql`drop trigger ${sql.raw(`proposal_tally_revision_${name}`)}`.execute(db);
    }
  }
  await db.schema.alterTable("program").dropColumn("proposal_tally_revision").execute();
}
