import { and, eq, inArray } from 'drizzle-orm';
import { claims, insuredPersons } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { insuredPersonOf } from '../claims/claims.queries.ts';
import { queuePayouts } from './payout-jobs.ts';
import { restartPayouts } from './restart-payouts.ts';

/** Where the person's СБП payouts go. */
export async function showPayoutDetails(deps: AppDeps, actor: Actor) {
  const p = await insuredPersonOf(deps.database.db, actor);
  return { phone: p.payoutPhone, bankId: p.payoutBankId, bankName: p.payoutBankName };
}

/** The person sets where СБП payouts go; claims that waited for these details are paid now. */
export async function setPayoutDetails(
  deps: AppDeps,
  actor: Actor,
  input: { phone: string; bankId: string },
) {
  const { database, clock } = deps;
  const person = await insuredPersonOf(database.db, actor);
  const bank = (await deps.payoutProvider.banks()).find((b) => b.bankId === input.bankId);
  if (!bank)
    throw new AppError('VALIDATION_FAILED', 'Выберите банк из списка', {
      fields: { bankId: 'Выберите банк из списка участников СБП' },
    });
  const started = await database.db.transaction(async (tx) => {
    await tx
      .update(insuredPersons)
      .set({
        payoutPhone: input.phone,
        payoutBankId: bank.bankId,
        payoutBankName: bank.name,
        updatedAt: clock.now(),
      })
      .where(eq(insuredPersons.id, person.id));
    await writeAudit(tx, clock, actor, {
      action: 'payout_details.changed',
      entityType: 'insured_person',
      entityId: person.id,
      before: { phone: person.payoutPhone, bankId: person.payoutBankId },
      after: { phone: input.phone, bankId: bank.bankId },
    });
    // Refused payouts wait for the person's «Повторить»; approved claims that had nowhere to go start now.
    const approvedWaiting = await tx
      .select({ id: claims.id })
      .from(claims)
      .where(
        and(
          eq(claims.insuredPersonId, person.id),
          inArray(claims.status, ['approved', 'partially_approved']),
        ),
      );
    return approvedWaiting.length
      ? restartPayouts(
          deps,
          tx,
          person.id,
          approvedWaiting.map((c) => c.id),
        )
      : [];
  });
  await queuePayouts(deps, started);
  return { phone: input.phone, bankId: bank.bankId, bankName: bank.name };
}
