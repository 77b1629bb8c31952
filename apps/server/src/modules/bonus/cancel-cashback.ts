import { moscowDate } from '@remed/core';
import { and, eq } from 'drizzle-orm';
import { clinicCashback } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCashbackClinic, cashbackView } from './cashback.queries.ts';

/** Cancels a cashback change that has not started yet; one in force can only be followed by a new one. */
export async function cancelCashback(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  clinicId: string,
  validFrom: string,
) {
  const { clock } = deps;
  const db = deps.database.db;
  await assertCashbackClinic(db, actor, clinicId);
  if (validFrom <= moscowDate(clock.now()))
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
  return cashbackView(db, clinicId, clock.now());
}
