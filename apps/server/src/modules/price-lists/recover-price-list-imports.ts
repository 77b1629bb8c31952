import type { PriceListIssue } from '@remed/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { writeAll } from '../../db/client.ts';
import { priceListDraftRows, priceListVersions } from '../../db/schema/index.ts';
import { systemActor } from '../../platform/actor.ts';
import { auditInsert } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { withLiveJob } from '../../platform/jobs.ts';
import { IMPORT_GAVE_UP, IMPORT_MAX_ATTEMPTS } from '../../platform/lease.ts';
import { importFailure, PRICE_LIST_IMPORT_QUEUE } from './import-price-list-file.ts';

const GAVE_UP_ISSUE: PriceListIssue = {
  row: null,
  rowId: null,
  field: null,
  column: '—',
  message: IMPORT_GAVE_UP,
  severity: 'error',
};

/**
 * Price-list checks whose worker died (lease run out) are queued again, or failed with a reason after
 * `IMPORT_MAX_ATTEMPTS` runs so the clinic can delete or re-upload the draft; queued ones with no job (lost
 * after the commit, or by a restore) get one. A run still renewing its lease is left alone.
 */
export async function recoverPriceListImports(deps: AppDeps) {
  const { database, clock } = deps;
  const dead = sql`${priceListVersions.status} = 'draft' and ${priceListVersions.importStatus} = 'running'
    and coalesce(${priceListVersions.importLeaseUntil}, '-infinity'::timestamptz) < now()`;
  const { requeued, failed } = await database.db.transaction(async (tx) => {
    const gaveUp = await tx
      .update(priceListVersions)
      .set(importFailure(GAVE_UP_ISSUE, clock.now()))
      .where(and(dead, sql`${priceListVersions.importAttempts} >= ${IMPORT_MAX_ATTEMPTS}`))
      .returning({ id: priceListVersions.id, attempts: priceListVersions.importAttempts });
    if (gaveUp.length)
      await tx.delete(priceListDraftRows).where(
        inArray(
          priceListDraftRows.versionId,
          gaveUp.map((v) => v.id),
        ),
      );
    const again = await tx
      .update(priceListVersions)
      .set({ importStatus: 'queued', importLeaseUntil: null })
      .where(dead)
      .returning({ id: priceListVersions.id, attempts: priceListVersions.importAttempts });
    await writeAll(
      tx,
      auditInsert(tx, clock, [
        ...gaveUp.map((v) => ({
          actor: systemActor,
          record: {
            action: 'price_list.import_given_up',
            entityType: 'price_list_version',
            entityId: v.id,
            after: { attempts: v.attempts },
          },
        })),
        ...again.map((v) => ({
          actor: systemActor,
          record: {
            action: 'price_list.import_resumed',
            entityType: 'price_list_version',
            entityId: v.id,
            after: { attempts: v.attempts },
          },
        })),
      ]),
    );
    return { requeued: again.map((r) => r.id), failed: gaveUp.length };
  });
  const queued = (
    await database.db
      .select({ id: priceListVersions.id })
      .from(priceListVersions)
      .where(and(eq(priceListVersions.status, 'draft'), eq(priceListVersions.importStatus, 'queued')))
  ).map((r) => r.id);
  // A dead run's job may still look active until pg-boss expires it: the queued-again ones get a job anyway.
  const live = await withLiveJob(database, PRICE_LIST_IMPORT_QUEUE, queued);
  const lost = [...new Set([...requeued, ...queued.filter((id) => !live.has(id))])];
  if (lost.length)
    await deps.jobs.sendAll(lost.map((id) => ({ queue: PRICE_LIST_IMPORT_QUEUE, data: { id } })));
  return { requeued: requeued.length, failed, sent: lost.length };
}
