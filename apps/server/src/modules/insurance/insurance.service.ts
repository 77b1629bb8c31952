import type { InsuredPersonView, ProgramView } from '@remed/core';
import { and, asc, count, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { insuredPersons, policies } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { listProgramsFor, loadProgramFor, rulesOf } from './programs.queries.ts';

export const fullNameOf = (p: { lastName: string; firstName: string; middleName: string | null }) =>
  [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');

export function insuranceService(deps: AppDeps) {
  const db = deps.database.db;

  return {
    async programs(actor: Actor): Promise<ProgramView[]> {
      const rows = await listProgramsFor(db, actor);
      const counts = await db
        .select({ programId: policies.programId, n: count() })
        .from(policies)
        .where(isNull(policies.detachedOn))
        .groupBy(policies.programId);
      return rows.map(({ program: p, contract: c, insurer, policyholder }) => {
        const rules = rulesOf(p);
        return {
          id: p.id,
          code: p.code,
          name: p.name,
          description: p.description,
          contract: { id: c.id, number: c.number, validFrom: c.validFrom, validTo: c.validTo },
          insurer: { id: insurer.id, name: insurer.name },
          policyholder: { id: policyholder.id, name: policyholder.name },
          coveredPrefixes: rules.coveredPrefixes as string[],
          coveredCodes: rules.coveredCodes as string[],
          exclusionPrefixes: rules.exclusionPrefixes as string[],
          approvalPrefixes: rules.approvalPrefixes as string[],
          annualLimit: rules.annualLimit,
          groupLimits: rules.groupLimits.map((g) => ({ ...g })),
          franchisePercent: rules.franchisePercent,
          anyClinic: p.anyClinic,
          clinicsMayJoin: p.clinicsMayJoin,
          accessTypes: p.accessTypes as ('letter' | 'reimbursement')[],
          activePolicies: counts.find((x) => x.programId === p.id)?.n ?? 0,
        };
      });
    },

    async insured(
      actor: Actor,
      programId: string,
      q: { q?: string | undefined; limit: number; offset: number },
    ) {
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
    },
  };
}

export type InsuranceService = ReturnType<typeof insuranceService>;
