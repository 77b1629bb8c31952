import { INSURED_COLUMNS } from '@remed/core';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { insuredImports, policies, programs } from '../../db/schema/index.ts';
import { type Actor, systemActor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { LeaseLost, leaseFromNow } from '../../platform/lease.ts';
import { checkInsuredFile, type InsuredFile } from './insured-import-check.ts';
import { insuredImportLimits } from './insured-import-limits.ts';
import { writeInsuredFile } from './insured-import-write.ts';
import { loadProgramFor } from './programs.queries.ts';
import { formatOf, type TableFormat, writeTable } from './table-files.ts';

export const INSURED_IMPORT_QUEUE = 'insured-import';
const PROGRESS_EVERY = 2000;

type ImportRow = typeof insuredImports.$inferSelect;

export function importView(r: ImportRow) {
  return {
    id: r.id,
    programId: r.programId,
    fileName: r.fileName,
    mode: r.mode,
    detachMissing: r.detachMissing,
    status: r.status,
    totalRows: r.totalRows,
    processedRows: r.processedRows,
    created: r.created,
    updated: r.updated,
    detached: r.detached,
    errorRows: r.errorRows,
    issues: r.issues.slice(0, 200),
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

export function insuredImportService(deps: AppDeps) {
  const { database, clock, ids, storage, config } = deps;
  const db = database.db;
  const limits = insuredImportLimits(config);
  const today = () => clock.now().toISOString().slice(0, 10);

  /** This run's own import row: still running and not taken over by a later run. */
  const ours = (imp: ImportRow) =>
    and(
      eq(insuredImports.id, imp.id),
      eq(insuredImports.status, 'running'),
      eq(insuredImports.attempts, imp.attempts),
    );

  /** Progress (or the outcome), which also renews the run's lease; a run that lost it stops here. */
  async function setProgress(imp: ImportRow, patch: Partial<typeof insuredImports.$inferInsert>) {
    const last = patch.status !== undefined && patch.status !== 'running';
    const [row] = await db
      .update(insuredImports)
      .set({ ...patch, leaseUntil: last ? null : leaseFromNow() })
      .where(ours(imp))
      .returning({ id: insuredImports.id });
    if (!row) throw new LeaseLost();
  }

  /** Policy numbers among `numbers` that belong to another program: such rows cannot be moved silently. */
  async function foreignPolicies(programId: string, numbers: string[]) {
    const rows = await db
      .select({ number: policies.number })
      .from(policies)
      .where(and(inArray(policies.number, numbers), ne(policies.programId, programId)));
    return new Set(rows.map((r) => r.number));
  }

  return {
    limits,

    async create(
      actor: Actor,
      programId: string,
      file: { fileName: string; content: Buffer },
      mode: 'all_or_nothing' | 'valid_rows',
      detachMissing = true,
    ) {
      const format = formatOf(file.fileName);
      const program = await loadProgramFor(db, actor, programId);
      if (!file.content.length)
        throw new AppError('VALIDATION_FAILED', 'Файл пустой', { fields: { file: 'Файл пустой' } });
      const id = ids.uuid();
      const storageKey = `imports/${id}/source.${format}`;
      await storage.put(storageKey, file.content);
      const row = await db.transaction(async (tx) => {
        const [r] = await tx
          .insert(insuredImports)
          .values({
            id,
            programId: program.program.id,
            fileName: file.fileName,
            storageKey,
            mode,
            detachMissing,
            status: 'queued',
            createdBy: actor.user!.id,
            createdAt: clock.now(),
          })
          .returning();
        await writeAudit(tx, clock, actor, {
          action: 'insured_import.created',
          entityType: 'insured_import',
          entityId: id,
          after: { fileName: file.fileName, mode, detachMissing, programId },
        });
        return r!;
      });
      await deps.jobs.send(INSURED_IMPORT_QUEUE, { id });
      return importView(row);
    },

    async get(actor: Actor, id: string) {
      const [r] = await db.select().from(insuredImports).where(eq(insuredImports.id, id));
      if (!r) throw new AppError('NOT_FOUND', 'Загрузка не найдена');
      await loadProgramFor(db, actor, r.programId);
      return r;
    },

    async report(actor: Actor, id: string, format: TableFormat) {
      const r = await this.get(actor, id);
      return writeTable(
        format,
        'Ошибки',
        ['Строка', 'Столбец', 'Ошибка'],
        r.issues.map((i) => [i.row, i.column, i.problem]),
      );
    },

    /**
     * The job: takes a queued import (a dead run's is queued again by the sweep), validates every row, then
     * writes all (or all valid) rows in one transaction; never half.
     */
    async run(id: string) {
      const [imp] = await db
        .update(insuredImports)
        .set({ status: 'running', attempts: sql`${insuredImports.attempts} + 1`, leaseUntil: leaseFromNow() })
        .where(and(eq(insuredImports.id, id), eq(insuredImports.status, 'queued')))
        .returning();
      if (!imp) return;
      await this.process(imp).catch((e: unknown) => (e instanceof LeaseLost ? undefined : this.fail(imp, e)));
    },

    /**
     * Two passes over the stored file, each streaming it: the first validates every row and finds
     * duplicates and policies of other programs, the second writes the good rows in batches.
     */
    async process(imp: ImportRow) {
      const id = imp.id;
      const file: InsuredFile = {
        content: await storage.get(imp.storageKey),
        format: formatOf(imp.fileName),
        limits,
        today: today(),
      };
      const checked = await checkInsuredFile(file, {
        foreignAmong: (numbers) => foreignPolicies(imp.programId, numbers),
        progress: (rows) => setProgress(imp, { processedRows: rows }),
        progressEvery: PROGRESS_EVERY,
      });
      if ('headerProblem' in checked) {
        await setProgress(imp, {
          status: 'rejected',
          issues: [{ row: 1, column: '—', problem: checked.headerProblem }],
          errorRows: 1,
          finishedAt: clock.now(),
        });
        return;
      }
      const base = {
        totalRows: checked.total,
        processedRows: checked.total,
        errorRows: checked.errorRows,
        issues: checked.issues,
        finishedAt: clock.now(),
      };
      if (checked.errorRows > 0 && imp.mode === 'all_or_nothing') {
        await setProgress(imp, { ...base, status: 'rejected' });
        return;
      }
      const [program] = await db.select().from(programs).where(eq(programs.id, imp.programId));
      // The final transaction has no progress to write: a fresh lease covers it.
      await setProgress(imp, { processedRows: checked.total });
      const messageIds = await db.transaction(async (tx) => {
        // Locked for the transaction: the sweep skips a row it cannot lock, so a long apply is not taken over.
        const [mine] = await tx
          .select({ id: insuredImports.id })
          .from(insuredImports)
          .where(ours(imp))
          .for('update');
        if (!mine) throw new LeaseLost();
        const result = await writeInsuredFile(deps, tx, imp, file, checked, program!.name);
        await tx
          .update(insuredImports)
          .set({
            ...base,
            leaseUntil: null,
            status: 'done',
            created: result.created,
            updated: result.updated,
            detached: result.detached,
          })
          .where(eq(insuredImports.id, id));
        await writeAudit(tx, clock, systemActor, {
          onBehalfOf: imp.createdBy,
          action: 'insured_import.applied',
          entityType: 'insured_import',
          entityId: id,
          after: {
            created: result.created,
            updated: result.updated,
            detached: result.detached,
            errorRows: checked.errorRows,
          },
        });
        return result.messageIds;
      });
      await deps.outbox.dispatch(messageIds);
    },

    async fail(imp: ImportRow, error: unknown) {
      // A refusal of the file (too many rows, not a table …) is the reason itself, with its code.
      const issue =
        error instanceof AppError
          ? { row: 0, column: '—', problem: error.message, code: error.code }
          : {
              row: 0,
              column: '—',
              problem: `Загрузка прервалась: ${String((error as Error).message ?? error).slice(0, 300)}`,
            };
      await setProgress(imp, {
        status: 'failed',
        issues: [issue],
        finishedAt: clock.now(),
      }).catch((e: unknown) => {
        // Another run holds the import now: its outcome, not this one's failure, is what counts.
        if (!(e instanceof LeaseLost)) throw e;
      });
    },

    template: (format: TableFormat) =>
      writeTable(
        format,
        'Застрахованные',
        INSURED_COLUMNS.map((c) => (c.required ? `${c.title}` : c.title)),
        [INSURED_COLUMNS.map((c) => c.example)],
      ),
  };
}

export type InsuredImportService = ReturnType<typeof insuredImportService>;
