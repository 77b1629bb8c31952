import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { claims, insuredPersons } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';

/** The insured person the acting user is; an account with no policy has no claims and no payouts. */
export async function insuredPersonOf(db: DbOrTx, actor: Actor) {
  const [person] = await db.select().from(insuredPersons).where(eq(insuredPersons.userId, actor.user!.id));
  if (!person) throw new AppError('NOT_FOUND', 'Учётная запись не связана с полисом ДМС');
  return person;
}

/** One of the person's own claims: another person's claim is not found, as if it did not exist. */
export async function ownClaim(db: DbOrTx, personId: string, claimId: string) {
  const [claim] = await db
    .select()
    .from(claims)
    .where(and(eq(claims.id, claimId), eq(claims.insuredPersonId, personId)));
  if (!claim) throw new AppError('NOT_FOUND', 'Заявка не найдена');
  return claim;
}
