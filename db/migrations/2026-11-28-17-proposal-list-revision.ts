import { type Kysely, sql } from "kysely";
import { isPostgres } from "./helpers";

// program.proposal_tally_revision (migration 15) moved only with what the list's tally counts: which proposals are
// handed in, their states and communities. The list now also keeps counts under each set of filters (by status, for
// the tabs) under it, so it must also move with what the other filters read: a handed-in proposal's title (the text
// search), organisation (the search of its name), focus area and target groups, and an organisation's name. These
// triggers add to migration 15's; an update that changes columns of both kinds moves the revision twice, which is
// as good as once.
const BUMP = "update program set proposal_tally_revision = proposal_tally_revision + 1";
const HANDED_IN_OF_ORGANIZATION =
  "select program_id from proposal where organization_id = new.id and submitted_at is not null";

function handedInProgramOf(row: "new" | "old"): string {
  return `select program_id from proposal where id = ${row}.proposal_id and submitted_at is not null`;
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`
      create function bump_tally_revision_of_proposal() returns trigger language plpgsql as $$
      begin
        ${sql.raw(BUMP)} where id in (old.program_id, new.program_id);
        return null;
      end
      $$`.execute(db);
    await sql`
      create trigger proposal_list_revision after update of title, organization_id, program_category_id on proposal
      for each row when ((old.submitted_at is not null or new.submitted_at is not null)
        and (old.title is distinct from new.title
          or old.organization_id is distinct from new.organization_id
          or old.program_category_id is distinct from new.program_category_id))
      execute function bump_tally_revision_of_proposal()`.execute(db);
    await sql`
      create function bump_tally_revision_of_target_group() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          ${sql.raw(BUMP)} where id = (${sql.raw(handedInProgramOf("old"))});
        else
          ${sql.raw(BUMP)} where id = (${sql.raw(handedInProgramOf("new"))});
        end if;
        return null;
      end
      $$`.execute(db);
    await sql`
      create trigger proposal_target_group_list_revision after insert or delete on proposal_target_group
      for each row execute function bump_tally_revision_of_target_group()`.execute(db);
    await sql`
      create function bump_tally_revision_of_organization() returns trigger language plpgsql as $$
      begin
        ${sql.raw(BUMP)} where id in (${sql.raw(HANDED_IN_OF_ORGANIZATION)});
        return null;
      end
      $$`.execute(db);
    await sql`
      create trigger organization_name_list_revision after update of name on organization
      for each row when (old.name is distinct from new.name)
      execute function bump_tally_revision_of_organization()`.execute(db);
    return;
  }
  await sql`
    create trigger proposal_list_revision_update after update of title, organization_id, program_category_id
    on proposal
    when (old.submitted_at is not null or new.submitted_at is not null)
      and (old.title is not new.title
        or old.organization_id is not new.organization_id
        or old.program_category_id is not new.program_category_id)
    begin
      ${sql.raw(BUMP)} where id in (old.program_id, new.program_id);
    end`.execute(db);
  // A target group chosen or dropped on a handed-in proposal; a draft's changes find no program to bump.
  for (const [event, row] of [
    ["insert", "new"],
    ["delete", "old"],
  ] as const) {
    await sql`
      create trigger ${sql.raw(`proposal_target_group_list_revision_${event}`)} after ${sql.raw(event)}
      on proposal_target_group
      begin
        ${sql.raw(BUMP)} where id = (${sql.raw(handedInProgramOf(row))});
      end`.execute(db);
  }
  await sql`
    create trigger organization_name_list_revision after update of name on organization
    when old.name is not new.name
    begin
      ${sql.raw(BUMP)} where id in (${sql.raw(HANDED_IN_OF_ORGANIZATION)});
    end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger organization_name_list_revision on organization`.execute(db);
    await sql`drop function bump_tally_revision_of_organization()`.execute(db);
    await sql`drop trigger proposal_target_group_list_revision on proposal_target_group`.execute(db);
    await sql`drop function bump_tally_revision_of_target_group()`.execute(db);
    await sql`drop trigger proposal_list_revision on proposal`.execute(db);
    await sql`drop function bump_tally_revision_of_proposal()`.execute(db);
    return;
  }
  for (const name of [
    "organization_name_list_revision",
    "proposal_target_group_list_revision_insert",
    "proposal_target_group_list_revision_delete",
    "proposal_list_revision_update",
  ]) {
    await sql`drop trigger ${sql.raw(name)}`.execute(db);
  }
}
