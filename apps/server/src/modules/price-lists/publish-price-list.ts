import { addDays, moscowDate, ruDate } from '@remed/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { priceListDraftRows, priceListVersions } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { assertEditable } from './draft-check.ts';
import { loadVersion, lockClinic, recordServiceNames } from './price-list-versions.queries.ts';
import { versionDetail } from './version-detail.ts';

/**
 * Publishes a draft from a date: not in the past (a day that has passed keeps the prices it had), not
 * with errors. A published version that starts on the same future date is superseded by this one; the
 * one in force today is never replaced on its own date.
 */
export async function publishPriceList(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  clinicId: string,
  versionId: string,
  effectiveFrom: string,
) {
  assertClinicAccess(actor, clinicId);
  const { clock } = deps;
  const day = moscowDate(clock.now());
  if (effectiveFrom < day) {
    const message = `Дата не может быть раньше сегодняшней (${ruDate(day)}): цены прошедших дней не меняются`;
    throw new AppError('VALIDATION_FAILED', message, { fields: { effectiveFrom: message } });
  }
  await deps.database.db.transaction(async (tx) => {
    await lockClinic(tx, clinicId);
    const v = await loadVersion(tx, clinicId, versionId, true);
    if (v.status !== 'draft') throw new AppError('INVALID_STATE', 'Эта версия уже опубликована');
    assertEditable(v);
    // The counts on the locked version are current: every change to the rows re-checks them in its
    // own transaction, so the rows need not be read again here.
    if (v.errorCount > 0)
      throw new AppError(
        'PRICE_LIST_HAS_ERRORS',
        `В прейскуранте ошибок: ${v.errorCount}. Исправьте их, и тогда его можно будет опубликовать`,
        { errorCount: v.errorCount },
      );
    const now = clock.now();
    const replaced = await supersedeSameDay(tx, clock, actor, {
      clinicId,
      versionId,
      effectiveFrom,
      day,
      now,
    });
    await tx.execute(sql`
      insert into price_list_items (id, version_id, position, clinic_code, service_code, name, price, note)
      select id, version_id, row_number() over (order by line), clinic_code, service_code, name, price, note
      from price_list_draft_rows where version_id = ${v.id}`);
    await recordServiceNames(tx, v.id);
    await tx.delete(priceListDraftRows).where(eq(priceListDraftRows.versionId, v.id));
    await tx
      .update(priceListVersions)
      .set({
        status: 'published',
        effectiveFrom,
        publishedBy: actor.user!.id,
        publishedAt: now,
        updatedAt: now,
      })
      .where(eq(priceListVersions.id, v.id));
    await writeAudit(tx, clock, actor, {
      action: 'price_list.published',
      entityType: 'price_list_version',
      entityId: v.id,
      before: { status: 'draft' },
      after: {
        status: 'published',
        effectiveFrom,
        rows: v.rowCount,
        warnings: v.warningCount,
        replaced,
      },
    });
  });
  return versionDetail(deps, clinicId, versionId);
}

/**
 * The published version that starts on the same date gives way to the one being published, unless that
 * date has come: then it is in force and stays. Returns the number of the version superseded.
 */
async function supersedeSameDay(
  tx: Tx,
  clock: Clock,
  actor: Actor,
  p: { clinicId: string; versionId: string; effectiveFrom: string; day: string; now: Date },
): Promise<number | null> {
  const [sameDay] = await tx
    .select()
    .from(priceListVersions)
    .where(
      and(
        eq(priceListVersions.clinicId, p.clinicId),
        eq(priceListVersions.status, 'published'),
        eq(priceListVersions.effectiveFrom, p.effectiveFrom),
      ),
    )
    .for('update');
  if (!sameDay) return null;
  if (p.effectiveFrom <= p.day) {
    const message = `С ${ruDate(p.effectiveFrom)} уже действует версия ${sameDay.number}: выберите ${ruDate(addDays(p.day, 1))} или позже`;
    throw new AppError('CONFLICT', message, { fields: { effectiveFrom: message } });
  }
  await tx
    .update(priceListVersions)
    .set({ status: 'superseded', updatedAt: p.now })
    .where(eq(priceListVersions.id, sameDay.id));
  await writeAudit(tx, clock, actor, {
    action: 'price_list.superseded',
    entityType: 'price_list_version',
    entityId: sameDay.id,
    before: { status: 'published', effectiveFrom: p.effectiveFrom },
    after: { status: 'superseded', by: p.versionId },
  });
  return sameDay.number;
}
