import type { AuditEntry, AuditQuery } from '@remed/core';
import { and, count, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import { auditLog, users } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';

const CSV_HEADER = [
  'Время (UTC)',
  'Кто',
  'Действие',
  'Объект',
  'Идентификатор',
  'До',
  'После',
  'Запрос',
  'IP',
];
const CSV_BATCH = 1000;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  // A leading = + - @ would make a spreadsheet run a formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditService(deps: AppDeps) {
  const db = deps.database.db;

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

  async function page(q: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
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

  return {
    list: page,
    /** CSV for Excel: UTF-8 with BOM, semicolons, every matching row (read in batches). */
    async *csv(q: Omit<AuditQuery, 'limit' | 'offset'>): AsyncGenerator<string> {
      yield `\uFEFF${CSV_HEADER.join(';')}\r\n`;
      for (let offset = 0; ; offset += CSV_BATCH) {
        const { items } = await page({ ...q, limit: CSV_BATCH, offset });
        for (const e of items) {
          yield `${[e.at, e.actorName ?? 'система', e.action, e.entityType, e.entityId, e.before, e.after, e.requestId, e.ip].map(csvCell).join(';')}\r\n`;
        }
        if (items.length < CSV_BATCH) return;
      }
    },
  };
}

export type AuditService = ReturnType<typeof auditService>;
