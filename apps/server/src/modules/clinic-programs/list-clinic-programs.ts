import type { ClinicPrograms } from '@remed/core';
import { and, asc, eq, gte, inArray, or } from 'drizzle-orm';
import { contracts, insurers, programClinics, programs } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { todayOf } from '../console/case.queries.ts';
import { activePolicyCounts, programsWithParties, rulesOf } from '../insurance/programs.queries.ts';
import { readiness } from './clinic-programs.queries.ts';

/** The programs a clinic is in and those open to it, with whether it is ready to join. */
export async function listClinicPrograms(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  clinicId: string,
): Promise<ClinicPrograms> {
  assertClinicAccess(actor, clinicId);
  const db = deps.database.db;
  const day = todayOf(deps.clock.now());
  const mine = db
    .select({ id: programClinics.programId })
    .from(programClinics)
    .where(eq(programClinics.clinicId, clinicId));
  const rows = await programsWithParties(db)
    .where(
      and(gte(contracts.validTo, day), or(eq(programs.clinicsMayJoin, true), inArray(programs.id, mine))),
    )
    .orderBy(asc(insurers.name), asc(programs.name));
  const joined = new Set((await mine).map((r) => r.id));
  const counts = await activePolicyCounts(
    db,
    rows.map((r) => r.program.id),
  );
  return {
    ready: await readiness(db, clinicId, todayOf(deps.clock.now())),
    programs: rows.map(({ program: p, contract: c, insurer, policyholder }) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      insurer: insurer.name,
      policyholder: policyholder.name,
      validTo: c.validTo,
      franchisePercent: rulesOf(p).franchisePercent,
      coveredPrefixes: p.coveredPrefixes,
      activePolicies: counts.get(p.id) ?? 0,
      joined: joined.has(p.id),
      open: p.clinicsMayJoin,
    })),
  };
}
