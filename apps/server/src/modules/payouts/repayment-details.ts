import type { RepaymentDetails } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { insuredPersonOf } from '../claims/claims.queries.ts';
import { fullNameOf } from '../insurance/person-name.ts';
import { openDebt } from './owing.ts';

/** What the person owes after a clinic's refund, and the service's requisites to repay it by transfer. */
export async function repaymentDetails(deps: AppDeps, actor: Actor): Promise<RepaymentDetails> {
  const db = deps.database.db;
  const person = await insuredPersonOf(db, actor);
  const s = deps.config.serviceParty;
  return {
    debt: await openDebt(db, person.id),
    recipient: {
      name: s.shortName,
      inn: s.inn,
      kpp: s.kpp,
      bankName: s.bankName,
      bik: s.bik,
      settlementAccount: s.settlementAccount,
      correspondentAccount: s.correspondentAccount,
    },
    purpose: `Возврат возмещения по ДМС, ${fullNameOf(person)}. Без НДС`,
  };
}
