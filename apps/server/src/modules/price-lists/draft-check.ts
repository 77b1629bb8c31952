import { type PriceListIssue, type PriceRowIssue, validatePriceList } from '@remed/core';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { priceListVersions } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { draftRows } from './draft-rows.queries.ts';
import { loadVersion, type VersionRow } from './price-list-versions.queries.ts';

/** The report kept on the version: every count, and the first issues (errors first, then by line). */
const ISSUES_KEPT = 2000;

export function reportOf(issues: readonly PriceListIssue[]) {
  const sorted = [...issues].sort(
    (a, b) =>
      Number(a.severity === 'warning') - Number(b.severity === 'warning') || (a.row ?? 0) - (b.row ?? 0),
  );
  const errorCount = issues.filter((i) => i.severity === 'error').length;
  return {
    errorCount,
    warningCount: issues.length - errorCount,
    issues: sorted.slice(0, ISSUES_KEPT),
  };
}

export function issuesByRow(issues: readonly PriceListIssue[]) {
  const byRow = new Map<string, PriceRowIssue[]>();
  for (const i of issues) {
    if (!i.rowId) continue;
    const list = byRow.get(i.rowId) ?? [];
    list.push({ field: i.field, column: i.column, message: i.message, severity: i.severity });
    byRow.set(i.rowId, list);
  }
  return byRow;
}

/** A draft that can be changed now: not published, and its file already read. */
export function assertEditable(v: VersionRow) {
  if (v.status !== 'draft')
    throw new AppError('INVALID_STATE', 'Опубликованную версию менять нельзя: создайте из неё черновик');
  if (v.importStatus === 'queued' || v.importStatus === 'running')
    throw new AppError('INVALID_STATE', 'Файл ещё проверяется: дождитесь окончания');
  if (v.importStatus === 'failed')
    throw new AppError('INVALID_STATE', 'Файл не загрузился: удалите этот черновик и загрузите файл снова');
}

/** The draft locked for a change of its rows, once it can be changed. */
export async function lockEditableDraft(tx: Tx, clinicId: string, versionId: string) {
  const v = await loadVersion(tx, clinicId, versionId, true);
  assertEditable(v);
  return v;
}

/** Checks the whole draft again and keeps the report on the version. */
export async function recheckDraft(tx: Tx, clock: Clock, versionId: string) {
  const rows = await draftRows(tx, versionId);
  const report = reportOf(validatePriceList(rows).issues);
  await tx
    .update(priceListVersions)
    .set({ rowCount: rows.length, ...report, updatedAt: clock.now() })
    .where(eq(priceListVersions.id, versionId));
  return report;
}
