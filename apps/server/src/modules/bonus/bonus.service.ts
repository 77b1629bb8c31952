import { addDays, type CashbackChange, type CashbackView, moscowDate, ruDate } from '@remed/core';
import { and, asc, eq } from 'drizzle-orm';
import { clinicCashback } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { requestRatingRecompute } from '../ratings/rating-jobs.ts';
import { requireClinic } from '../ratings/ratings.queries.ts';

/** How far ahead a change may be planned. */
const MAX_DAYS_AHEAD = 366;

/**
 * The clinic's bonus program: the cashback percent from a date. Never retroactive, so a letter always
 * carries the percent that was in force the day it was issued (the letter freezes it at issue).
 */
export function bonusService(deps: AppDeps) {
  const { database, clock } = deps;
  const db = database.db;
  const today = () => moscowDate(clock.now());

  async function view(clinicId: string): Promise<CashbackView> {
    const rows = await db
      .select()
      .from(clinicCashback)
      .where(eq(clinicCashback.clinicId, clinicId))
      .orderBy(asc(clinicCashback.validFrom));
    const periods = rows.map((r, i) => ({
      percent: r.percent,
      validFrom: r.validFrom,
      validTo: rows[i + 1] ? addDays(rows[i + 1]!.validFrom, -1) : null,
    }));
    const day = today();
    const started = periods.filter((p) => p.validFrom <= day);
    return {
      today: day,
      current: started.at(-1) ?? null,
      scheduled: periods.filter((p) => p.validFrom > day),
      history: started.reverse(),
    };
  }

  return {
    async get(actor: Actor, clinicId: string) {
      assertClinicAccess(actor, clinicId);
      await requireClinic(db, clinicId);
      return view(clinicId);
    },

    /** Sets the percent from a day (today or later); a change already planned for that day is replaced. */
    async schedule(actor: Actor, clinicId: string, input: CashbackChange) {
      assertClinicAccess(actor, clinicId);
      await requireClinic(db, clinicId);
      const day = today();
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
      return view(clinicId);
    },

    /** Cancels a change that has not started yet; one in force can only be followed by a new one. */
    async cancel(actor: Actor, clinicId: string, validFrom: string) {
      assertClinicAccess(actor, clinicId);
      await requireClinic(db, clinicId);
      if (validFrom <= today())
        throw new AppError(
          'INVALID_STATE',
          'Это изменение уже действует: отменить его нельзя, можно назначить новый процент',
        );
      await db.transaction(async (tx) => {
        const [removed] = await tx
          .delete(clinicCashback)
          .where(and(eq(clinicCashback.clinicId, clinicId), eq(clinicCashback.validFrom, validFrom)))
          .returning();
        if (!removed) throw new AppError('NOT_FOUND', 'Запланированное изменение не найдено');
        await writeAudit(tx, clock, actor, {
          action: 'clinic_cashback.cancelled',
          entityType: 'clinic',
          entityId: clinicId,
          before: { validFrom: removed.validFrom, percent: removed.percent },
        });
      });
      return view(clinicId);
    },
  };
}

export type BonusService = ReturnType<typeof bonusService>;
