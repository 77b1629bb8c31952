import type { AttachmentState, ClinicPatientView } from '@remed/core';
import { and, asc, type Column, eq, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  contracts,
  insuredPersons,
  insurers,
  policies,
  programClinics,
  programs,
} from '../../db/schema/index.ts';
import { fullNameOf } from '../insurance/person-name.ts';
import { personNameForSearch, wordsSearch } from '../insurance/person-search.ts';

export interface PatientsFilter {
  programId?: string | undefined;
  state: AttachmentState;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

/**
 * The day a person stops being attached: the day of detachment from the insurer's list, or the day after the
 * policy ended, whichever comes first; null while the policy runs.
 */
const detachedOn = (today: string) =>
  sql<
    string | null
  >`least(${policies.detachedOn}, case when ${policies.validTo} < ${today}::date then ${policies.validTo} + 1 end)`;

function between(day: SQL | Column, from?: string, to?: string): SQL | undefined {
  return and(from ? sql`${day} >= ${from}::date` : undefined, to ? sql`${day} <= ${to}::date` : undefined);
}

/** Policies of the programs that include the clinic, narrowed by the filter. */
function patientsWhere(clinicId: string, f: PatientsFilter, today: string): SQL | undefined {
  const detached = detachedOn(today);
  const isDetached = sql`${detached} <= ${today}::date`;
  const isAttached = sql`(${detached} is null or ${detached} > ${today}::date)`;
  const period = f.from || f.to;
  const byState =
    f.state === 'attached'
      ? and(isAttached, between(policies.validFrom, f.from, f.to))
      : f.state === 'detached'
        ? and(isDetached, between(detached, f.from, f.to))
        : period
          ? or(between(policies.validFrom, f.from, f.to), between(detached, f.from, f.to))
          : undefined;
  return and(
    eq(programClinics.clinicId, clinicId),
    f.programId ? eq(policies.programId, f.programId) : undefined,
    byState,
    wordsSearch(f.q, [personNameForSearch, policies.number]),
  );
}

function patientsQuery(db: DbOrTx, today: string) {
  return db
    .select({
      policyId: policies.id,
      lastName: insuredPersons.lastName,
      firstName: insuredPersons.firstName,
      middleName: insuredPersons.middleName,
      birthDate: insuredPersons.birthDate,
      policyNumber: policies.number,
      programId: programs.id,
      programName: programs.name,
      insurerName: insurers.name,
      attachedOn: policies.validFrom,
      detachedOn: detachedOn(today),
    })
    .from(policies)
    .innerJoin(programClinics, eq(programClinics.programId, policies.programId))
    .innerJoin(programs, eq(programs.id, policies.programId))
    .innerJoin(contracts, eq(contracts.id, programs.contractId))
    .innerJoin(insurers, eq(insurers.id, contracts.insurerId))
    .innerJoin(insuredPersons, eq(insuredPersons.id, policies.insuredPersonId));
}

export async function loadPatients(
  db: DbOrTx,
  clinicId: string,
  f: PatientsFilter,
  today: string,
  page: { limit: number; offset: number },
): Promise<ClinicPatientView[]> {
  const rows = await patientsQuery(db, today)
    .where(patientsWhere(clinicId, f, today))
    .orderBy(
      asc(insuredPersons.lastName),
      asc(insuredPersons.firstName),
      asc(insuredPersons.middleName),
      asc(policies.number),
    )
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((r) => ({
    policyId: r.policyId,
    fullName: fullNameOf(r),
    birthDate: r.birthDate,
    policyNumber: r.policyNumber,
    program: { id: r.programId, name: r.programName },
    insurerName: r.insurerName,
    attachedOn: r.attachedOn,
    detachedOn: r.detachedOn,
    state: r.detachedOn !== null && r.detachedOn <= today ? 'detached' : 'attached',
  }));
}

export async function countPatients(db: DbOrTx, clinicId: string, f: PatientsFilter, today: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(policies)
    .innerJoin(programClinics, eq(programClinics.programId, policies.programId))
    .innerJoin(insuredPersons, eq(insuredPersons.id, policies.insuredPersonId))
    .where(patientsWhere(clinicId, f, today));
  return row?.n ?? 0;
}

/** The programs that include the clinic, for the filter. */
export function clinicPrograms(db: DbOrTx, clinicId: string) {
  return db
    .select({ id: programs.id, name: programs.name, insurerName: insurers.name })
    .from(programClinics)
    .innerJoin(programs, eq(programs.id, programClinics.programId))
    .innerJoin(contracts, eq(contracts.id, programs.contractId))
    .innerJoin(insurers, eq(insurers.id, contracts.insurerId))
    .where(eq(programClinics.clinicId, clinicId))
    .orderBy(asc(programs.name), asc(insurers.name));
}
