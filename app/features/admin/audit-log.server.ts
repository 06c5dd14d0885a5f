// Reading the audit log and the outbox. Both grow without bound, so pages are keyset pages (newest first, "older"
// and "newer" cursors) rather than offsets with a total count, and every filter is served by an index:
// action → (action, at), entity type → (entity_type, at), actor → (actor_user_id, at), dates alone → (at).
import { type Expression, type SqlBool, sql } from "kysely";
import { db } from "~/lib/db.server";
import { shanghaiDayRange } from "~/lib/local-time";
import type { AuditFilter, Cursor } from "./schemas";

export const AUDIT_PAGE_SIZE = 50;
export const OUTBOX_PAGE_SIZE = 30;

export interface KeysetPage<T> {
  rows: T[];
  /** The id to pass as ?after= for the newer page, when there is one. */
  newer: number | null;
  /** The id to pass as ?before= for the older page, when there is one. */
  older: number | null;
}

/** Turns limit+1 rows fetched in the cursor's direction into a newest-first page with its neighbours. */
function toPage<T extends { id: number }>(fetched: T[], cursor: Cursor, pageSize: number): KeysetPage<T> {
  const more = fetched.length > pageSize;
  const slice = fetched.slice(0, pageSize);
  const rows = cursor?.direction === "after" ? slice.reverse() : slice;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasNewer = cursor?.direction === "after" ? more : cursor !== null;
  const hasOlder = cursor?.direction === "after" ? true : more;
  return {
    rows,
    newer: hasNewer && first ? first.id : null,
    older: hasOlder && last ? last.id : null,
  };
}

async function findUserIdByEmail(email: string): Promise<number | undefined> {
  const row = await db().selectFrom("user").select("id").where("email", "=", email).executeTakeFirst();
  return row?.id;
}

/** One page of audit events matching the filter, newest first, with the actor's name and email. */
export async function listAuditEvents(filter: AuditFilter, cursor: Cursor) {
  const actorUserId = filter.actor ? await findUserIdByEmail(filter.actor) : undefined;
  if (filter.actor && actorUserId === undefined)
    return { page: toPage([], cursor, AUDIT_PAGE_SIZE), unknownActor: true };

  const anchor = cursor
    ? await db().selectFrom("auditEvent").select(["at", "id"]).where("id", "=", cursor.id).executeTakeFirst()
    : undefined;

  let query = db()
    .selectFrom("auditEvent")
    .leftJoin("user", "user.id", "auditEvent.actorUserId")
    .select([
      "auditEvent.id",
      "auditEvent.at",
      "auditEvent.action",
      "auditEvent.entityType",
      "auditEvent.entityId",
      "auditEvent.funderId",
      "auditEvent.organizationId",
      "auditEvent.before",
      "auditEvent.after",
      "user.email as actorEmail",
      "user.name as actorName",
    ]);
  if (filter.action) query = query.where("auditEvent.action", "=", filter.action);
  if (filter.entityType) query = query.where("auditEvent.entityType", "=", filter.entityType);
  if (actorUserId !== undefined) query = query.where("auditEvent.actorUserId", "=", actorUserId);
  const { start, end } = shanghaiDayRange(filter.from, filter.to);
  if (start) query = query.where("auditEvent.at", ">=", start);
  if (end) query = query.where("auditEvent.at", "<", end);

  // (at, id) orders events that share an instant; the range on `at` keeps the index in use, the id breaks ties.
  const older = cursor?.direction !== "after";
  if (cursor && anchor) {
    query = query.where((eb) => {
      const atBound: Expression<SqlBool> = eb("auditEvent.at", older ? "<=" : ">=", anchor.at);
      const strict = eb.or([
        eb("auditEvent.at", older ? "<" : ">", anchor.at),
        eb("auditEvent.id", older ? "<" : ">", anchor.id),
      ]);
      return eb.and([atBound, strict]);
    });
  }
  const rows = await query
    .orderBy("auditEvent.at", older ? "desc" : "asc")
    .orderBy("auditEvent.id", older ? "desc" : "asc")
    .limit(AUDIT_PAGE_SIZE + 1)
    .execute();
  return { page: toPage(rows, cursor && anchor ? cursor : null, AUDIT_PAGE_SIZE), unknownActor: false };
}

export type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>["page"]["rows"][number];

const DISTINCT_LIMIT = 200;

/**
 * The distinct values of an indexed audit column, for the filter selects. A recursive "skip scan" jumps from one
 * value to the next through the index, so it reads one index entry per distinct value, not one per event.
 */
export async function distinctAuditValues(column: "action" | "entityType"): Promise<string[]> {
  const ref = sql.ref(column);
  const result = await sql<{ value: string | null }>`
    with recursive walk(value) as (
      select min(${ref}) from ${sql.table("auditEvent")}
      union all
      select (select min(${ref}) from ${sql.table("auditEvent")} where ${ref} > walk.value)
      from walk where walk.value is not null
    )
    select value from walk where value is not null limit ${DISTINCT_LIMIT}`.execute(db());
  return result.rows.flatMap((row) => (row.value === null ? [] : [row.value]));
}

/** One page of outbox messages, newest first: on a machine without SMTP the admin reads reset links here. */
export async function listOutboxMessages(cursor: Cursor) {
  const older = cursor?.direction !== "after";
  let query = db()
    .selectFrom("outboxMessage")
    .select(["id", "channel", "recipient", "subject", "body", "createdAt", "sentAt", "error"]);
  if (cursor) query = query.where("id", older ? "<" : ">", cursor.id);
  const rows = await query
    .orderBy("id", older ? "desc" : "asc")
    .limit(OUTBOX_PAGE_SIZE + 1)
    .execute();
  return toPage(rows, cursor, OUTBOX_PAGE_SIZE);
}
