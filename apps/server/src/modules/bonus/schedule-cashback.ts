import { addDays, type CashbackChange, moscowDate, ruDate } from '@remed/core';
import { and, eq } from 'drizzle-orm';
import { clinicCashback } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { requestRatingRecompute } from '../rating/rating-jobs.ts';
import { assertCashbackClinic, cashbackView } from './cashback.queries.ts';

/** How far ahead a change may be planned. */
const MAX_DAYS_AHEAD = 366;

/**
 * Sets the clinic's cashback percent from a day (today or later); a change already planned for that day
 * is replaced. Never retroactive, so a letter always carries the percent in force the day it was issued.
 */
export async function scheduleCashback(
  deps: Pick<AppDeps, 'database' | 'clock' | 'jobs'>,
  actor: Actor,
  clinicId: string,
  input: CashbackChange,
) {
  const { clock } = deps;
  const db = deps.database.db;
  await assertCashbackClinic(db, actor, clinicId);
  const day = moscowDate(clock.now());
  if (input.validFrom < day)
    throw new AppError('VALIDATION_FAILED', 'Кэшбэк нельзя изменить задним числом', {
      fields: { validFrom: `Не раньше сегодняшнего дня, ${ruDate(day)}: прошлые письма уже выданы` },
    });
  const latest = addDays(day, MAX_DAYS_AHEAD);
  if (input.validFrom > latest)
    throw new AppError('VALIDATION_FAILED', 'Слишком далёкая дата', {
      fields: { validFrom: `Не позже ${ruDate(latest)}` },
    });
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(clinicCashback)
      .where(and(eq(clinicCashback.clinicId, clinicId), eq(clinicCashback.validFrom, input.validFrom)))
      .for('update');
    await tx
      .insert(clinicCashback)
      .values({ clinicId, validFrom: input.validFrom, percent: input.percent })
      .onConflictDoUpdate({
        target: [clinicCashback.clinicId, clinicCashback.validFrom],
        set: { percent: input.percent },
      });
    await writeAudit(tx, clock, actor, {
      action: 'clinic_cashback.scheduled',
      entityType: 'clinic',
      entityId: clinicId,
      before: before ? { validFrom: before.validFrom, percent: before.percent } : null,
      after: { validFrom: input.validFrom, percent: input.percent },
    });
  });
  if (input.validFrom === day) await requestRatingRecompute(deps);
  return cashbackView(db, clinicId, clock.now());
}
