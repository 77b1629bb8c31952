import type { PersonRef } from '@remed/core';
import { asc, eq, inArray } from 'drizzle-orm';
import { insuredPersons, policies } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { fullNameOf } from '../insurance/person-name.ts';
import { personNameForSearch, wordsSearch } from '../insurance/person-search.ts';
import { assertAdmin } from './personal-data-access.ts';

/** Up to 20 people by words of the name, a policy number or a phone: what the admin has from a letter. */
export async function findPersons(
  deps: Pick<AppDeps, 'database'>,
  actor: Actor,
  q: string,
): Promise<PersonRef[]> {
  assertAdmin(actor);
  const db = deps.database.db;
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
