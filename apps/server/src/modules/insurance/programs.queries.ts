import type { ProgramRules } from '@remed/core';
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  contracts,
  insurers,
  policies,
  policyholders,
  programClinics,
  programs,
} from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';

type ProgramRow = typeof programs.$inferSelect;

export const rulesOf = (p: ProgramRow): ProgramRules => ({
  coveredPrefixes: p.coveredPrefixes,
  coveredCodes: p.coveredCodes,
  exclusionPrefixes: p.exclusionPrefixes,
  approvalPrefixes: p.approvalPrefixes,
  annualLimit: p.annualLimit,
  groupLimits: p.groupLimits.map((g) => ({ ...g, limit: Number(g.limit) })),
  franchisePercent: p.franchisePercent,
});

/** Programs with the contract they belong to and both its parties: the insurer and the policyholder. */
export function programsWithParties(db: DbOrTx) {
  return db
    .select({ program: programs, contract: contracts, insurer: insurers, policyholder: policyholders })
    .from(programs)
    .innerJoin(contracts, eq(contracts.id, programs.contractId))
    .innerJoin(insurers, eq(insurers.id, contracts.insurerId))
    .innerJoin(policyholders, eq(policyholders.id, contracts.policyholderId));
}

/** Policies in force (not detached) per program; `programIds` narrows the count to those programs. */
export async function activePolicyCounts(db: DbOrTx, programIds?: string[]): Promise<Map<string, number>> {
  if (programIds && !programIds.length) return new Map();
  const rows = await db
    .select({ programId: policies.programId, n: count() })
    .from(policies)
    .where(and(isNull(policies.detachedOn), programIds ? inArray(policies.programId, programIds) : undefined))
    .groupBy(policies.programId);
  return new Map(rows.map((r) => [r.programId, r.n]));
}

export async function loadProgram(db: DbOrTx, id: string) {
  const [row] = await programsWithParties(db).where(eq(programs.id, id));
  if (!row) throw new AppError('NOT_FOUND', 'Программа не найдена');
  const clinicIds = (await db.select().from(programClinics).where(eq(programClinics.programId, id))).map(
    (c) => c.clinicId,
  );
  return { ...row, clinicIds };
}

/** An insurer's staff see their own insurer's programs; admins and console doctors see all. */
export async function loadProgramFor(db: DbOrTx, actor: Actor, id: string) {
  const p = await loadProgram(db, id);
  const u = actor.user!;
  if (u.roles.includes('admin') || u.roles.includes('console_doctor')) return p;
  if (u.roles.includes('insurer_user') && u.insurer?.id === p.insurer.id) return p;
  throw new AppError('NOT_FOUND', 'Программа не найдена');
}

export async function listProgramsFor(db: DbOrTx, actor: Actor) {
  const u = actor.user!;
  const scope = u.roles.includes('admin')
    ? undefined
    : u.insurer
      ? eq(contracts.insurerId, u.insurer.id)
      : inArray(contracts.id, []);
  return programsWithParties(db)
    .where(and(scope))
    .orderBy(asc(insurers.name), asc(contracts.number), asc(programs.code));
}
