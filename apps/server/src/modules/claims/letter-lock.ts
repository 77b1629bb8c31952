import { type GuaranteeLetter, moscowIso } from '@remed/core';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { clinics, guaranteeLetters, insuredPersons, policies } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { fullNameOf } from '../insurance/person-name.ts';
import { availableSql } from '../payouts/owing.ts';
import type { SavedLetterState } from './claim-state.ts';

type LetterItemJson = GuaranteeLetter['items'][number];

export interface LockedLetter {
  letter: GuaranteeLetter;
  id: string;
  status: typeof guaranteeLetters.$inferSelect.status;
  total: number;
  saved: SavedLetterState | null;
  person: typeof insuredPersons.$inferSelect;
  /**
   * The person's money owed and not yet on its way, read with the lock. If this statement waited for the
   * lock, it may miss what the other transaction committed; that only matters while a clawback is open
   * (negative), and then it is read again (see `owing`).
   */
  available: number;
}

/**
 * The letter, its items and the insured person, locked for one receipt in one round trip. Receipts of one
 * letter are decided one at a time (quantities and limit), and payouts of one person too (open clawbacks
 * come off the next payout once).
 */
export async function lockLetter(tx: Tx, letterId: string): Promise<LockedLetter> {
  const [row] = await tx
    .select({
      l: guaranteeLetters,
      clinicInn: clinics.inn,
      clinicName: clinics.shortName,
      policyNumber: policies.number,
      person: insuredPersons,
      items: sql<LetterItemJson[]>`(select coalesce(json_agg(json_build_object('line', i.line,
          'code', i.service_code, 'clinicCode', i.clinic_code, 'name', i.name, 'price', i.price,
          'quantity', i.quantity) order by i.line), '[]'::json)
        from guarantee_letter_items i where i.letter_id = ${guaranteeLetters.id})`,
      available: availableSql(insuredPersons.id),
    })
    .from(guaranteeLetters)
    .innerJoin(clinics, eq(clinics.id, guaranteeLetters.clinicId))
    .innerJoin(policies, eq(policies.id, guaranteeLetters.policyId))
    .innerJoin(insuredPersons, eq(insuredPersons.id, guaranteeLetters.insuredPersonId))
    .where(eq(guaranteeLetters.id, letterId))
    .for('update', { of: [guaranteeLetters, insuredPersons] });
  if (!row) throw new AppError('NOT_FOUND', 'Гарантийное письмо не найдено');
  const { l } = row;
  return {
    id: l.id,
    status: l.status,
    total: l.total,
    saved: l.adjudicationState ?? null,
    person: row.person,
    available: Number(row.available),
    letter: {
      format: 'remed.guarantee-letter/v1',
      number: l.number,
      issuedAt: moscowIso(l.issuedAt),
      validFrom: l.validFrom,
      validUntil: l.validUntil,
      policyNumber: row.policyNumber,
      insuredName: fullNameOf(row.person),
      clinic: { inn: row.clinicInn, name: row.clinicName },
      franchisePercent: l.franchisePercent,
      cashbackPercent: l.cashbackPercent,
      remainingLimit: l.remainingLimit,
      items: row.items,
    },
  };
}
