import { type LetterView, moscowIso } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { readLetter } from './read-letter.ts';

/** The `remed.guarantee-letter/v1` exchange format (DOMAIN.md 5.1), read by `remed adjudicate`. */
function letterToV1(l: LetterView) {
  return {
    format: 'remed.guarantee-letter/v1' as const,
    number: l.number,
    issuedAt: moscowIso(new Date(l.issuedAt)),
    validFrom: l.validFrom,
    validUntil: l.validUntil,
    policyNumber: l.policyNumber,
    insuredName: l.insuredName,
    clinic: { inn: l.clinic.inn, name: l.clinic.name },
    franchisePercent: l.franchisePercent,
    cashbackPercent: l.cashbackPercent,
    remainingLimit: l.remainingLimit,
    items: l.items.map((i) => ({
      line: i.line,
      code: i.code,
      clinicCode: i.clinicCode,
      name: i.name,
      price: i.price,
      quantity: i.quantity,
    })),
  };
}

/** A letter the user may see, in the exchange format, for another system or `remed adjudicate`. */
export async function exportLetterV1(deps: Pick<AppDeps, 'database' | 'clock'>, actor: Actor, id: string) {
  return letterToV1(await readLetter(deps, actor, id, 'letter.print'));
}
