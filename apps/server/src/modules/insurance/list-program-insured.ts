import type { InsuredPersonView } from '@remed/core';
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { insuredPersons, policies } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { fullNameOf } from './person-name.ts';
import { loadProgramFor } from './programs.queries.ts';

/** The people insured by a program, a page at a time, found by last name, policy number or phone. */
export async function listProgramInsured(
  deps: Pick<AppDeps, 'database'>,
  actor: Actor,
  programId: string,
  q: { q?: string | undefined; limit: number; offset: number },
) {
  const db = deps.database.db;
  await loadProgramFor(db, actor, programId);
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    eq(policies.programId, programId),
    like
      ? or(
          ilike(insuredPersons.lastName, like),
          ilike(policies.number, like),
          ilike(insuredPersons.phone, like),
        )
      : undefined,
  );
  const rows = await db
    .select({ person: insuredPersons, policy: policies })
    .from(policies)
    .innerJoin(insuredPersons, eq(insuredPersons.id, policies.insuredPersonId))
    .where(where)
    .orderBy(asc(insuredPersons.lastName), asc(insuredPersons.firstName), asc(policies.number))
    .limit(q.limit)
    .offset(q.offset);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(policies)
    .innerJoin(insuredPersons, eq(insuredPersons.id, policies.insuredPersonId))
    .where(where);
  const items: InsuredPersonView[] = rows.map(({ person, policy }) => ({
    id: person.id,
    fullName: fullNameOf(person),
    birthDate: person.birthDate,
    sex: person.sex,
    phone: person.phone,
    email: person.email,
    registered: person.userId !== null,
    policyNumber: policy.number,
    validFrom: policy.validFrom,
    validTo: policy.validTo,
    detachedOn: policy.detachedOn,
  }));
  return { items, total: total?.n ?? 0 };
}
