import type { AuditQuery } from '@remed/core';
import type { DbOrTx } from '../../db/client.ts';
import { checkAccess } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { auditPage } from './audit.queries.ts';

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

/** CSV for Excel: UTF-8 with BOM, semicolons, every matching row (read in batches). */
export function exportAuditCsv(
  deps: Pick<AppDeps, 'database'>,
  actor: Actor,
  q: Omit<AuditQuery, 'limit' | 'offset'>,
): AsyncGenerator<string> {
  // Checked before the first row is asked for, so a refusal is an answer and not a broken stream.
  checkAccess(['admin'], actor.user);
  return csvRows(deps.database.db, q);
}

async function* csvRows(db: DbOrTx, q: Omit<AuditQuery, 'limit' | 'offset'>): AsyncGenerator<string> {
  yield `\uFEFF${CSV_HEADER.join(';')}\r\n`;
  for (let offset = 0; ; offset += CSV_BATCH) {
    const { items } = await auditPage(db, { ...q, limit: CSV_BATCH, offset });
    for (const e of items) {
      yield `${[e.at, e.actorName ?? 'система', e.action, e.entityType, e.entityId, e.before, e.after, e.requestId, e.ip].map(csvCell).join(';')}\r\n`;
    }
    if (items.length < CSV_BATCH) return;
  }
}
