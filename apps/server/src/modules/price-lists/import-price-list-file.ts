import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { type PriceListIssue, validatePriceList } from '@remed/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { priceListDraftRows, priceListVersions } from '../../db/schema/index.ts';
import { systemActor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { LeaseLost, leaseFromNow } from '../../platform/lease.ts';
import { formatOf } from '../insurance/table-files.ts';
import { reportOf } from './draft-check.ts';
import { insertDraftRows } from './draft-rows.queries.ts';
import { readPriceListFile } from './price-list-files.ts';
import type { VersionRow } from './price-list-versions.queries.ts';

export const PRICE_LIST_IMPORT_QUEUE = 'price-list-import';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'ids' | 'storage'>;

/** A version whose file could not be read to the end: no rows, and one error that says why. */
export const importFailure = (issue: PriceListIssue, at: Date) => ({
  importStatus: 'failed' as const,
  importLeaseUntil: null,
  rowCount: 0,
  errorCount: 1,
  warningCount: 0,
  issues: [issue],
  updatedAt: at,
});

/** This run's own version row: still running and not taken over by a later run. */
const ours = (v: VersionRow) =>
  and(
    eq(priceListVersions.id, v.id),
    eq(priceListVersions.importStatus, 'running'),
    eq(priceListVersions.importAttempts, v.importAttempts),
  );

/**
 * The job: takes a queued version (a dead run's is queued again by the sweep), reads the file, checks
 * every row and writes them in batches with progress; all or nothing.
 */
export async function runPriceListImport(deps: Deps, id: string) {
  const [v] = await deps.database.db
    .update(priceListVersions)
    .set({
      importStatus: 'running',
      importAttempts: sql`${priceListVersions.importAttempts} + 1`,
      importLeaseUntil: leaseFromNow(),
      processedRows: 0,
      totalRows: 0,
    })
    .where(
      and(
        eq(priceListVersions.id, id),
        eq(priceListVersions.status, 'draft'),
        eq(priceListVersions.importStatus, 'queued'),
      ),
    )
    .returning();
  if (!v) return;
  try {
    await importPriceListFile(deps, v);
  } catch (e) {
    if (e instanceof LeaseLost) return;
    if (e instanceof AppError) return fail(deps, v, e.message, e.code);
    await fail(deps, v, `Загрузка прервалась: ${String((e as Error).message ?? e).slice(0, 300)}`);
  }
}

/** One run over a version's file, as long as the run holds the version; LeaseLost once it does not. */
export async function importPriceListFile(deps: Deps, v: VersionRow) {
  const { clock } = deps;
  const db = deps.database.db;
  // A run after a crash starts over; only the run that holds the version may clear its rows.
  await db.transaction(async (tx) => {
    const [mine] = await tx
      .select({ id: priceListVersions.id })
      .from(priceListVersions)
      .where(ours(v))
      .for('update');
    if (!mine) throw new LeaseLost();
    await tx.delete(priceListDraftRows).where(eq(priceListDraftRows.versionId, v.id));
  });
  const content = await deps.storage.get(v.storageKey!);
  const file = await readPriceListFile(content, formatOf(v.sourceFileName!));
  if (!file.ok) return fail(deps, v, file.message);
  await setProgress(db, v, { totalRows: file.rows.length });
  const check = validatePriceList(file.rows.map((r) => ({ ...r, id: deps.ids.uuid() })));
  await insertDraftRows(
    db,
    v.id,
    check.rows.map((r) => ({ ...r, id: r.source.id, line: r.source.line })),
    async (written) => {
      await setProgress(db, v, { processedRows: written });
      // Embedded PGlite runs queries on this thread: let waiting requests (the progress poll) in.
      await yieldToEventLoop();
    },
  );
  const report = reportOf(check.issues);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(priceListVersions)
      .set({
        importStatus: 'done',
        importLeaseUntil: null,
        rowCount: check.rows.length,
        ...report,
        updatedAt: clock.now(),
      })
      .where(ours(v))
      .returning({ id: priceListVersions.id });
    if (!row) throw new LeaseLost();
    await writeAudit(tx, clock, systemActor, {
      onBehalfOf: v.createdBy,
      action: 'price_list.checked',
      entityType: 'price_list_version',
      entityId: v.id,
      after: { rows: check.rows.length, errors: report.errorCount, warnings: report.warningCount },
    });
  });
}

/** Progress, which also renews the run's lease; a run that lost it (swept, deleted) stops here. */
async function setProgress(db: Db, v: VersionRow, patch: Partial<typeof priceListVersions.$inferInsert>) {
  const [row] = await db
    .update(priceListVersions)
    .set({ ...patch, importLeaseUntil: leaseFromNow() })
    .where(ours(v))
    .returning({ id: priceListVersions.id });
  if (!row) throw new LeaseLost();
}

async function fail(deps: Deps, v: VersionRow, message: string, code?: string) {
  await deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(priceListVersions)
      .set(
        importFailure(
          {
            row: null,
            rowId: null,
            field: null,
            column: '—',
            message,
            severity: 'error',
            ...(code && { code }),
          },
          deps.clock.now(),
        ),
      )
      .where(ours(v))
      .returning({ id: priceListVersions.id });
    if (row) await tx.delete(priceListDraftRows).where(eq(priceListDraftRows.versionId, v.id));
  });
}
