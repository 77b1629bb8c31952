import { and, eq, gte, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { insuredPersons, policies } from '../../db/schema/index.ts';

/** One-time code purposes: the SMS code proves the phone, the ticket then carries that proof to the last step. */
export const REGISTRATION_CODE = 'registration';
export const REGISTRATION_TICKET = 'registration_ticket';

/** The insured person with this phone and a policy in force on the day of `now`, if any (registered or not). */
export async function registrationCandidate(db: DbOrTx, phone: string, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const rows = await db
    .select({ person: insuredPersons })
    .from(insuredPersons)
    .innerJoin(policies, eq(policies.insuredPersonId, insuredPersons.id))
    .where(and(eq(insuredPersons.phone, phone), isNull(policies.detachedOn), gte(policies.validTo, today)))
    .limit(2);
  return rows[0]?.person ?? null;
}
