import type { AuditEntry, AuditQuery } from '@remed/core';
import { and, count, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog, users } from '../../db/schema/index.ts';

function where(q: Omit<AuditQuery, 'limit' | 'offset'>) {
  const c: SQL[] = [];
  if (q.actorId) c.push(eq(auditLog.actorUserId, q.actorId));
  if (q.action) c.push(like(auditLog.action, `${q.action.replace(/[\\%_]/g, (m) => `\\${m}`)}%`));
  if (q.entityType) c.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) c.push(eq(auditLog.entityId, q.entityId));
  if (q.from) c.push(gte(auditLog.at, new Date(`${q.from}T00:00:00Z`)));
  if (q.to) c.push(lt(auditLog.at, new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000)));
  return c.length ? and(...c) : undefined;
}

/** One page of the log, newest first, with the total of matching entries. */
export async function auditPage(db: DbOrTx, q: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
  const w = where(q);
  const rows = await db
    .select({ log: auditLog, actorName: users.fullName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(w)
    .orderBy(desc(auditLog.id))
    .limit(q.limit)
    .offset(q.offset);
  const [total] = await db.select({ n: count() }).from(auditLog).where(w);
  return {
    total: total?.n ?? 0,
    items: rows.map(({ log, actorName }) => ({
      id: log.id.toString(),
      at: log.at.toISOString(),
      actorId: log.actorUserId,
      actorName,
      action: log.action,
      entityType: log.entityType,
      entityId: log.entityId,
      before: log.before ?? null,
      after: log.after ?? null,
      requestId: log.requestId,
      ip: log.ip,
    })),
  };
}
