import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { insuredImports, policies, programs } from '../../db/schema/index.ts';
import { systemActor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { LeaseLost, leaseFromNow } from '../../platform/lease.ts';
import { type CheckOutcome, checkInsuredFile, type InsuredFile } from './insured-import-check.ts';
import { insuredImportLimits } from './insured-import-limits.ts';
import { writeInsuredFile } from './insured-import-write.ts';
import type { ImportRow } from './insured-imports.queries.ts';
import { formatOf } from './table-files.ts';

export const INSURED_IMPORT_QUEUE = 'insured-import';
const PROGRESS_EVERY = 2000;

type Deps = Pick<AppDeps, 'database' | 'clock' | 'ids' | 'storage' | 'config' | 'outbox'>;
type Checked = Exclude<CheckOutcome, { headerProblem: string }>;
type Outcome = Partial<typeof insuredImports.$inferInsert>;

/**
 * The job: takes a queued import (a dead run's is queued again by the sweep), validates every row, then
 * writes all (or all valid) rows in one transaction; never half.
 */
export async function runInsuredImport(deps: Deps, id: string) {
  const db = deps.database.db;
  const [imp] = await db
    .update(insuredImports)
    .set({ status: 'running', attempts: sql`${insuredImports.attempts} + 1`, leaseUntil: leaseFromNow() })
    .where(and(eq(insuredImports.id, id), eq(insuredImports.status, 'queued')))
    .returning();
  if (!imp) return;
  await importInsuredFile(deps, imp).catch((e: unknown) =>
    e instanceof LeaseLost ? undefined : fail(deps, imp, e),
  );
}

/**
 * Two passes over the stored file, each streaming it: the first validates every row and finds
 * duplicates and policies of other programs, the second writes the good rows in batches.
 */
async function importInsuredFile(deps: Deps, imp: ImportRow) {
  const { database, clock } = deps;
  const db = database.db;
  const file: InsuredFile = {
    content: await deps.storage.get(imp.storageKey),
    format: formatOf(imp.fileName),
    limits: insuredImportLimits(deps.config),
    today: clock.now().toISOString().slice(0, 10),
  };
  const checked = await checkInsuredFile(file, {
    foreignAmong: (numbers) => foreignPolicies(db, imp.programId, numbers),
    progress: (rows) => setProgress(db, imp, { processedRows: rows }),
    progressEvery: PROGRESS_EVERY,
  });
  if ('headerProblem' in checked) {
    await setProgress(db, imp, {
      status: 'rejected',
      issues: [{ row: 1, column: '—', problem: checked.headerProblem }],
      errorRows: 1,
      finishedAt: clock.now(),
    });
    return;
  }
  const outcome: Outcome = {
    totalRows: checked.total,
    processedRows: checked.total,
    errorRows: checked.errorRows,
    issues: checked.issues,
    finishedAt: clock.now(),
  };
  if (checked.errorRows > 0 && imp.mode === 'all_or_nothing') {
    await setProgress(db, imp, { ...outcome, status: 'rejected' });
    return;
  }
  // The final transaction has no progress to write: a fresh lease covers it.
  await setProgress(db, imp, { processedRows: checked.total });
  const messageIds = await apply(deps, imp, file, checked, outcome);
  await deps.outbox.dispatch(messageIds);
}

/** Writes the checked rows and the outcome in one transaction, audited on behalf of who uploaded the file. */
async function apply(deps: Deps, imp: ImportRow, file: InsuredFile, checked: Checked, outcome: Outcome) {
  const { database, clock } = deps;
  const [program] = await database.db.select().from(programs).where(eq(programs.id, imp.programId));
  return database.db.transaction(async (tx) => {
    // Locked for the transaction: the sweep skips a row it cannot lock, so a long apply is not taken over.
    const [mine] = await tx
      .select({ id: insuredImports.id })
      .from(insuredImports)
      .where(ours(imp))
      .for('update');
    if (!mine) throw new LeaseLost();
    const { created, updated, detached, messageIds } = await writeInsuredFile(
      deps,
      tx,
      imp,
      file,
      checked,
      program!.name,
    );
    await tx
      .update(insuredImports)
      .set({ ...outcome, leaseUntil: null, status: 'done', created, updated, detached })
      .where(eq(insuredImports.id, imp.id));
    await writeAudit(tx, clock, systemActor, {
      onBehalfOf: imp.createdBy,
      action: 'insured_import.applied',
      entityType: 'insured_import',
      entityId: imp.id,
      after: { created, updated, detached, errorRows: checked.errorRows },
    });
    return messageIds;
  });
}

async function fail(deps: Deps, imp: ImportRow, error: unknown) {
  // A refusal of the file (too many rows, not a table …) is the reason itself, with its code.
  const issue =
    error instanceof AppError
      ? { row: 0, column: '—', problem: error.message, code: error.code }
      : {
          row: 0,
          column: '—',
          problem: `Загрузка прервалась: ${String((error as Error).message ?? error).slice(0, 300)}`,
        };
  await setProgress(deps.database.db, imp, {
    status: 'failed',
    issues: [issue],
    finishedAt: deps.clock.now(),
  }).catch((e: unknown) => {
    // Another run holds the import now: its outcome, not this one's failure, is what counts.
    if (!(e instanceof LeaseLost)) throw e;
  });
}

/** This run's own import row: still running and not taken over by a later run. */
const ours = (imp: ImportRow) =>
  and(
    eq(insuredImports.id, imp.id),
    eq(insuredImports.status, 'running'),
    eq(insuredImports.attempts, imp.attempts),
  );

/** Progress (or the outcome), which also renews the run's lease; a run that lost it stops here. */
async function setProgress(db: Db, imp: ImportRow, patch: Outcome) {
  const last = patch.status !== undefined && patch.status !== 'running';
  const [row] = await db
    .update(insuredImports)
    .set({ ...patch, leaseUntil: last ? null : leaseFromNow() })
    .where(ours(imp))
    .returning({ id: insuredImports.id });
  if (!row) throw new LeaseLost();
}

/** Policy numbers among `numbers` that belong to another program: such rows cannot be moved silently. */
async function foreignPolicies(db: Db, programId: string, numbers: string[]) {
  const rows = await db
    .select({ number: policies.number })
    .from(policies)
    .where(and(inArray(policies.number, numbers), ne(policies.programId, programId)));
  return new Set(rows.map((r) => r.number));
}
