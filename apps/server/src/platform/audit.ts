import type { SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';
import type { Actor } from './actor.ts';
import type { Clock } from './clock.ts';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** For work done later on someone's behalf (a job finishing their upload). */
  onBehalfOf?: string | null;
}

/** Dates survive JSON as ISO text; secrets never reach the log. */
function sanitize(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (key, v) => {
      if (key === 'passwordHash' || key === 'tokenHash') return undefined;
      return v;
    }),
  );
}

const row = (clock: Clock, actor: Actor, record: AuditRecord) => ({
  at: clock.now(),
  actorUserId: actor.user?.id ?? record.onBehalfOf ?? null,
  action: record.action,
  entityType: record.entityType,
  entityId: record.entityId ?? null,
  before: sanitize(record.before),
  after: sanitize(record.after),
  requestId: actor.requestId,
  ip: actor.ip,
});

/** Call inside the transaction of the change so that the change and its record commit together. */
export async function writeAudit(tx: DbOrTx, clock: Clock, actor: Actor, record: AuditRecord): Promise<void> {
  await tx.insert(auditLog).values(row(clock, actor, record));
}

/**
 * The insert of several records of one change (a receipt submitted by a person and decided by the engine),
 * for `writeAll` with the change itself. Not awaited here: a Drizzle builder runs when awaited.
 */
export function auditInsert(
  tx: DbOrTx,
  clock: Clock,
  records: readonly { actor: Actor; record: AuditRecord }[],
): SQLWrapper[] {
  return records.length
    ? [tx.insert(auditLog).values(records.map((r) => row(clock, r.actor, r.record)))]
    : [];
}
