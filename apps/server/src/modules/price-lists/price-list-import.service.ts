import crypto from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { validatePriceList } from '@remed/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { priceListDraftRows, priceListVersions } from '../../db/schema/index.ts';
import { type Actor, systemActor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { LeaseLost, leaseFromNow } from '../../platform/lease.ts';
import { formatOf } from '../insurance/table-files.ts';
import { readPriceListFile } from './price-list-files.ts';
import {
  insertDraftRows,
  lockClinic,
  nextVersionNumber,
  reportOf,
  type VersionRow,
} from './price-lists.repository.ts';

export const PRICE_LIST_IMPORT_QUEUE = 'price-list-import';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Refuses, before anything is stored, what cannot be a price list at all. */
function sniff(fileName: string, content: Buffer) {
  const format = formatOf(fileName);
  const bad = (message: string) => new AppError('VALIDATION_FAILED', message, { fields: { file: message } });
  if (!content.length) throw bad('Файл пустой');
  if (format === 'xlsx' && !content.subarray(0, 4).equals(ZIP))
    throw bad('Это не таблица XLSX. Сохраните файл в Excel как «Книга Excel (.xlsx)» или как CSV');
  if (format === 'csv' && content.subarray(0, 8192).includes(0))
    throw bad('Это не текстовый файл CSV. Сохраните таблицу как «CSV (разделители — точка с запятой)»');
  return format;
}

/**
 * Upload of a price list file: the request stores the file and a draft version; a job reads, checks and
 * writes the rows, reporting progress on the version as it goes.
 */
export function priceListImportService(deps: AppDeps) {
  const { database, clock, ids, storage } = deps;
  const db = database.db;

  /** This run's own version row: still running and not taken over by a later run. */
  const ours = (v: VersionRow) =>
    and(
      eq(priceListVersions.id, v.id),
      eq(priceListVersions.importStatus, 'running'),
      eq(priceListVersions.importAttempts, v.importAttempts),
    );

  /** Progress, which also renews the run's lease; a run that lost it (swept, deleted) stops here. */
  async function setProgress(v: VersionRow, patch: Partial<typeof priceListVersions.$inferInsert>) {
    const [row] = await db
      .update(priceListVersions)
      .set({ ...patch, importLeaseUntil: leaseFromNow() })
      .where(ours(v))
      .returning({ id: priceListVersions.id });
    if (!row) throw new LeaseLost();
  }

  async function fail(v: VersionRow, message: string, code?: string) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .update(priceListVersions)
        .set({
          importStatus: 'failed',
          importLeaseUntil: null,
          rowCount: 0,
          errorCount: 1,
          warningCount: 0,
          issues: [
            {
              row: null,
              rowId: null,
              field: null,
              column: '—',
              message,
              severity: 'error',
              ...(code && { code }),
            },
          ],
          updatedAt: clock.now(),
        })
        .where(ours(v))
        .returning({ id: priceListVersions.id });
      if (row) await tx.delete(priceListDraftRows).where(eq(priceListDraftRows.versionId, v.id));
    });
  }

  return {
    /** Returns the version and whether it is new: the same file uploaded again finds its open draft. */
    async upload(actor: Actor, clinicId: string, file: { fileName: string; content: Buffer }) {
      assertClinicAccess(actor, clinicId);
      const format = sniff(file.fileName, file.content);
      const sha256 = crypto.createHash('sha256').update(file.content).digest('hex');
      const id = ids.uuid();
      const storageKey = `price-lists/${id}/source.${format}`;
      await storage.put(storageKey, file.content);
      const found = await db.transaction(async (tx) => {
        await lockClinic(tx, clinicId);
        const [same] = await tx
          .select()
          .from(priceListVersions)
          .where(
            and(
              eq(priceListVersions.clinicId, clinicId),
              eq(priceListVersions.status, 'draft'),
              eq(priceListVersions.fileSha256, sha256),
              inArray(priceListVersions.importStatus, ['queued', 'running', 'done']),
            ),
          );
        if (same) return same;
        const now = clock.now();
        const number = await nextVersionNumber(tx, clinicId);
        await tx.insert(priceListVersions).values({
          id,
          clinicId,
          number,
          status: 'draft',
          source: 'file',
          sourceFileName: file.fileName.slice(0, 255),
          storageKey,
          fileSha256: sha256,
          importStatus: 'queued',
          createdBy: actor.user!.id,
          createdAt: now,
          updatedAt: now,
        });
        await writeAudit(tx, clock, actor, {
          action: 'price_list.uploaded',
          entityType: 'price_list_version',
          entityId: id,
          after: { clinicId, number, fileName: file.fileName, sha256 },
        });
        return null;
      });
      if (found) {
        await storage.delete(storageKey);
        return { id: found.id, created: false };
      }
      await deps.jobs.send(PRICE_LIST_IMPORT_QUEUE, { id });
      return { id, created: true };
    },

    /**
     * The job: takes a queued version (a dead run's is queued again by the sweep), reads the file, checks
     * every row and writes them in batches with progress; all or nothing.
     */
    async run(id: string) {
      const [v] = await db
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
        await this.process(v);
      } catch (e) {
        if (e instanceof LeaseLost) return;
        if (e instanceof AppError) return fail(v, e.message, e.code);
        await fail(v, `Загрузка прервалась: ${String((e as Error).message ?? e).slice(0, 300)}`);
      }
    },

    async process(v: VersionRow) {
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
      const content = await storage.get(v.storageKey!);
      const file = await readPriceListFile(content, formatOf(v.sourceFileName!));
      if (!file.ok) return fail(v, file.message);
      await setProgress(v, { totalRows: file.rows.length });
      const check = validatePriceList(file.rows.map((r) => ({ ...r, id: ids.uuid() })));
      await insertDraftRows(
        db,
        v.id,
        check.rows.map((r) => ({ ...r, id: r.source.id, line: r.source.line })),
        async (written) => {
          await setProgress(v, { processedRows: written });
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
    },
  };
}

export type PriceListImportService = ReturnType<typeof priceListImportService>;
