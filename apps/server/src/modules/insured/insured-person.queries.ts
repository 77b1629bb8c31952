import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { insuredPersons } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';

export type InsuredPersonRow = typeof insuredPersons.$inferSelect;

/** The insured person the signed-in account belongs to; an account without a policy cannot use the app. */
export async function ownInsuredPerson(db: DbOrTx, actor: Actor): Promise<InsuredPersonRow> {
  const [person] = await db.select().from(insuredPersons).where(eq(insuredPersons.userId, actor.user!.id));
  if (!person)
    throw new AppError(
      'NOT_FOUND',
      'Ваша учётная запись не связана с полисом ДМС. Обратитесь на медицинский пульт',
    );
  return person;
}
