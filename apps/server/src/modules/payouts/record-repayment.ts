import { formatRub } from '@remed/core';
import { eq } from 'drizzle-orm';
import { insuredPersons, ledgerEntries } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/notify.ts';
import { openDebt } from './owing.ts';
import { payoutNotices } from './payout-notices.ts';

/**
 * Staff record money an insured person sent back to settle a clawback (a bank transfer to the service):
 * a repayment entry in the ledger, never more than the open debt.
 */
export async function recordRepayment(
  deps: AppDeps,
  actor: Actor,
  insuredPersonId: string,
  input: { amount: number; note: string },
) {
  const { database, clock } = deps;
  const messageIds = await database.db.transaction(async (tx) => {
    const [person] = await tx
      .select()
      .from(insuredPersons)
      .where(eq(insuredPersons.id, insuredPersonId))
      .for('update');
    if (!person) throw new AppError('NOT_FOUND', 'Застрахованный не найден');
    const debt = await openDebt(tx, person.id);
    if (debt === 0) throw new AppError('INVALID_STATE', 'У застрахованного нет долга по возвратам');
    if (input.amount > debt)
      throw new AppError('VALIDATION_FAILED', 'Сумма больше долга', {
        fields: { amount: `Не больше долга: ${formatRub(debt)}` },
      });
    await tx.insert(ledgerEntries).values({
      insuredPersonId: person.id,
      kind: 'repayment',
      amount: input.amount,
      createdAt: clock.now(),
    });
    await writeAudit(tx, clock, actor, {
      action: 'ledger.repayment_recorded',
      entityType: 'insured_person',
      entityId: person.id,
      before: { debt },
      after: { amount: input.amount, note: input.note },
    });
    return notify(deps, tx, person, payoutNotices.repaid(input.amount, debt - input.amount));
  });
  await deps.outbox.dispatch(messageIds);
}
