import { eq, sql } from 'drizzle-orm';
import { writeAll } from '../../db/client.ts';
import { insuredImports } from '../../db/schema/index.ts';
import { systemActor } from '../../platform/actor.ts';
import { auditInsert } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { withLiveJob } from '../../platform/jobs.ts';
import { IMPORT_GAVE_UP, IMPORT_MAX_ATTEMPTS } from '../../platform/lease.ts';
import { INSURED_IMPORT_QUEUE } from './import-insured-file.ts';

/**
 * Lists of insured whose worker died (lease run out) are queued again, or failed with a reason after
 * `IMPORT_MAX_ATTEMPTS` runs so the insurer can upload the file again; queued ones with no job get one. The
 * final transaction of a run locks its row, and a locked row is skipped: a long apply is never taken over.
 */
export async function recoverInsuredImports(deps: AppDeps) {
  const { database, clock } = deps;
  const dead = (attempts: 'spent' | 'left') =>
    sql`${insuredImports.id} in (select id from insured_imports where status = 'running'
      and coalesce(lease_until, '-infinity'::timestamptz) < now()
      and attempts ${attempts === 'spent' ? sql`>=` : sql`<`} ${IMPORT_MAX_ATTEMPTS}
      for update skip locked)`;
  const { requeued, failed } = await database.db.transaction(async (tx) => {
    const gaveUp = await tx
      .update(insuredImports)
      .set({
        status: 'failed',
        leaseUntil: null,
        issues: [{ row: 0, column: '—', problem: IMPORT_GAVE_UP }],
        finishedAt: clock.now(),
      })
      .where(dead('spent'))
      .returning({ id: insuredImports.id, attempts: insuredImports.attempts });
    const again = await tx
      .update(insuredImports)
      .set({ status: 'queued', leaseUntil: null })
      .where(dead('left'))
      .returning({ id: insuredImports.id, attempts: insuredImports.attempts });
    const record = (action: string) => (r: { id: string; attempts: number }) => ({
      actor: systemActor,
      record: { action, entityType: 'insured_import', entityId: r.id, after: { attempts: r.attempts } },
    });
    await writeAll(
      tx,
      auditInsert(tx, clock, [
        ...gaveUp.map(record('insured_import.given_up')),
        ...again.map(record('insured_import.resumed')),
      ]),
    );
    return { requeued: again.map((r) => r.id), failed: gaveUp.length };
  });
  const queued = (
    await database.db
      .select({ id: insuredImports.id })
      .from(insuredImports)
      .where(eq(insuredImports.status, 'queued'))
  ).map((r) => r.id);
  // A dead run's job may still look active until pg-boss expires it: the queued-again ones get a job anyway.
  const live = await withLiveJob(database, INSURED_IMPORT_QUEUE, queued);
  const lost = [...new Set([...requeued, ...queued.filter((id) => !live.has(id))])];
  if (lost.length) await deps.jobs.sendAll(lost.map((id) => ({ queue: INSURED_IMPORT_QUEUE, data: { id } })));
  return { requeued: requeued.length, failed, sent: lost.length };
}
