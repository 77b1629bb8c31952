import type { EmployeePayouts } from '@remed/core';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { claims, consents, contracts, insuredPersons, policies, programs } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { fullNameOf } from '../insurance/person-name.ts';

/** An aggregate over fewer people would point at someone: the employer then sees nothing. */
const MIN_AGGREGATE = 5;

/**
 * What the employer sees of its employees' reimbursements: by name only for those whose consent to sharing is
 * in force at this moment, the rest as one total (152-ФЗ: health-related data goes to the employer only by consent).
 */
export async function listEmployeePayouts(
  deps: Pick<AppDeps, 'database'>,
  actor: Actor,
): Promise<EmployeePayouts> {
  const holder = actor.user?.policyholder;
  if (!holder) throw new AppError('ORGANISATION_REQUIRED', 'Учётная запись не привязана к страхователю');
  const rows = await deps.database.db
    .select({
      person: insuredPersons,
      policyNumber: policies.number,
      claims: sql<number>`count(${claims.id})::int`,
      reimbursed: sql<number>`coalesce(sum(${claims.reimbursement}) filter (where ${claims.status} = 'paid'), 0)::bigint`,
      consented: sql<boolean>`exists (select 1 from ${consents} where ${consents.insuredPersonId} = ${insuredPersons.id} and ${consents.kind} = 'employer_sharing' and ${consents.withdrawnAt} is null)`,
    })
    .from(policies)
    .innerJoin(programs, eq(programs.id, policies.programId))
    .innerJoin(contracts, eq(contracts.id, programs.contractId))
    .innerJoin(insuredPersons, eq(insuredPersons.id, policies.insuredPersonId))
    .leftJoin(claims, and(eq(claims.insuredPersonId, insuredPersons.id), inArray(claims.status, ['paid'])))
    .where(and(eq(contracts.policyholderId, holder.id), isNull(insuredPersons.erasedAt)))
    .groupBy(insuredPersons.id, policies.number)
    .orderBy(asc(insuredPersons.lastName), asc(insuredPersons.firstName));
  const named = rows.filter((r) => r.consented);
  const others = rows.filter((r) => !r.consented);
  return {
    employees: named.map((r) => ({
      fullName: fullNameOf(r.person),
      policyNumber: r.policyNumber,
      claims: r.claims,
      reimbursed: Number(r.reimbursed),
    })),
    others:
      others.length >= MIN_AGGREGATE
        ? { people: others.length, reimbursed: others.reduce((s, r) => s + Number(r.reimbursed), 0) }
        : null,
  };
}
