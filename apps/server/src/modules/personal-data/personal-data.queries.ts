import type { PersonRef } from '@remed/core';
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { insuredPersons, policies } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { fullNameOf } from '../insurance/insurance.service.ts';
import { personNameForSearch, wordsSearch } from '../insurance/person-search.ts';

export type PersonRow = typeof insuredPersons.$inferSelect;

/** The insured person behind a signed-in user; a user with no policy has no personal data here. */
export async function personOfUser(db: DbOrTx, userId: string): Promise<PersonRow> {
  const [p] = await db.select().from(insuredPersons).where(eq(insuredPersons.userId, userId));
  if (!p) throw new AppError('NOT_FOUND', 'Ваша учётная запись не связана с полисом ДМС');
  return p;
}

export async function personById(db: DbOrTx, id: string): Promise<PersonRow> {
  const [p] = await db.select().from(insuredPersons).where(eq(insuredPersons.id, id));
  if (!p) throw new AppError('NOT_FOUND', 'Застрахованный не найден');
  return p;
}

/** Up to 20 people by words of the name, a policy number or a phone: what the admin has from a letter. */
export async function findPersons(db: DbOrTx, q: string): Promise<PersonRef[]> {
  const words = wordsSearch(q, [personNameForSearch, policies.number, insuredPersons.phone]);
  if (!words) return [];
  const rows = await db
    .selectDistinct({ person: insuredPersons })
    .from(insuredPersons)
    .leftJoin(policies, eq(policies.insuredPersonId, insuredPersons.id))
    .where(words)
    .orderBy(asc(insuredPersons.lastName), asc(insuredPersons.firstName), asc(insuredPersons.id))
    .limit(20);
  const ids = rows.map((r) => r.person.id);
  const pols = ids.length
    ? await db
        .select({ personId: policies.insuredPersonId, number: policies.number })
        .from(policies)
        .where(inArray(policies.insuredPersonId, ids))
    : [];
  return rows.map(({ person }) => ({
    id: person.id,
    fullName: fullNameOf(person),
    birthDate: person.birthDate,
    policyNumbers: pols.filter((p) => p.personId === person.id).map((p) => p.number),
    erasedAt: person.erasedAt?.toISOString() ?? null,
  }));
}
