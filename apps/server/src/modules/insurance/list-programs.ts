import type { ProgramView } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { activePolicyCounts, listProgramsFor, rulesOf } from './programs.queries.ts';

/** The programs the user may see (an insurer's staff: their own), with the policies in force in each. */
export async function listPrograms(deps: Pick<AppDeps, 'database'>, actor: Actor): Promise<ProgramView[]> {
  const db = deps.database.db;
  const rows = await listProgramsFor(db, actor);
  const counts = await activePolicyCounts(db);
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
      activePolicies: counts.get(p.id) ?? 0,
    };
  });
}
