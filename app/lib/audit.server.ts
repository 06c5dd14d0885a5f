// Writes one audit event. Call it with the same transaction as the change it records.
import type { Executor } from "./db.server";
import { nowIso } from "./time";

export interface AuditInput {
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId?: number | null;
  funderId?: number | null;
  organizationId?: number | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(trx: Executor, event: AuditInput): Promise<void> {
  await trx
    .insertInto("auditEvent")
    .values({
      at: nowIso(),
      actorUserId: event.actorUserId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      funderId: event.funderId ?? null,
      organizationId: event.organizationId ?? null,
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
    })
    .execute();
}
