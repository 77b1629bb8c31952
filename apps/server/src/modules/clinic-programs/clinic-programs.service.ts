import type { ClinicPrograms } from '@remed/core';
import { and, asc, count, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import {
  clinicContracts,
  contracts,
  insurers,
  policies,
  policyholders,
  programClinics,
  programs,
} from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { todayOf } from '../console/case.queries.ts';
import { clinicHasPrices } from '../console/pricing.queries.ts';
import { loadProgramFor, rulesOf } from '../insurance/programs.queries.ts';

/**
 * Clinics join reimbursement programs themselves: the insurer opens a program to clinics, and a clinic with
 * a contract signed by both sides and a price list in force joins it; the console then offers it for letters.
 */
export function clinicProgramsService(deps: AppDeps) {
  const { database, clock } = deps;
  const db = database.db;
  const today = () => todayOf(clock.now());

  async function readiness(clinicId: string) {
    const day = today();
    const [contract] = await db
      .select({ id: clinicContracts.id })
      .from(clinicContracts)
      .where(
        and(
          eq(clinicContracts.clinicId, clinicId),
          eq(clinicContracts.kind, 'contract'),
          eq(clinicContracts.status, 'signed'),
          or(isNull(clinicContracts.validUntil), gte(clinicContracts.validUntil, day)),
        ),
      )
      .limit(1);
    return { contractSigned: !!contract, priceList: await clinicHasPrices(db, clinicId, day) };
  }

  /** An open program, or one the clinic is in: never another insurer's closed program. */
  async function openProgram(programId: string) {
    const [p] = await db.select().from(programs).where(eq(programs.id, programId));
    if (!p?.clinicsMayJoin)
      throw new AppError('NOT_FOUND', 'Программа не найдена или закрыта для присоединения');
    return p;
  }

  return {
    async list(actor: Actor, clinicId: string): Promise<ClinicPrograms> {
      assertClinicAccess(actor, clinicId);
      const mine = db
        .select({ id: programClinics.programId })
        .from(programClinics)
        .where(eq(programClinics.clinicId, clinicId));
      const rows = await db
        .select({ program: programs, contract: contracts, insurer: insurers, policyholder: policyholders })
        .from(programs)
        .innerJoin(contracts, eq(contracts.id, programs.contractId))
        .innerJoin(insurers, eq(insurers.id, contracts.insurerId))
        .innerJoin(policyholders, eq(policyholders.id, contracts.policyholderId))
        .where(
          and(
            gte(contracts.validTo, today()),
            or(eq(programs.clinicsMayJoin, true), inArray(programs.id, mine)),
          ),
        )
        .orderBy(asc(insurers.name), asc(programs.name));
      const joined = new Set((await mine).map((r) => r.id));
      const counts = rows.length
        ? await db
            .select({ programId: policies.programId, n: count() })
            .from(policies)
            .where(
              and(
                isNull(policies.detachedOn),
                inArray(
                  policies.programId,
                  rows.map((r) => r.program.id),
                ),
              ),
            )
            .groupBy(policies.programId)
        : [];
      return {
        ready: await readiness(clinicId),
        programs: rows.map(({ program: p, contract: c, insurer, policyholder }) => ({
          id: p.id,
          name: p.name,
          description: p.description,
          insurer: insurer.name,
          policyholder: policyholder.name,
          validTo: c.validTo,
          franchisePercent: rulesOf(p).franchisePercent,
          coveredPrefixes: p.coveredPrefixes,
          activePolicies: counts.find((x) => x.programId === p.id)?.n ?? 0,
          joined: joined.has(p.id),
          open: p.clinicsMayJoin,
        })),
      };
    },

    async join(actor: Actor, clinicId: string, programId: string) {
      assertClinicAccess(actor, clinicId);
      const program = await openProgram(programId);
      const ready = await readiness(clinicId);
      if (!ready.contractSigned)
        throw new AppError(
          'CONTRACT_REQUIRED',
          'Сначала подпишите договор с сервисом: присоединиться можно, когда его подписали обе стороны',
        );
      if (!ready.priceList)
        throw new AppError(
          'PRICE_LIST_REQUIRED',
          'Сначала опубликуйте прейскурант: без цен письма не выдать',
        );
      await db.transaction(async (tx) => {
        const added = await tx
          .insert(programClinics)
          .values({ programId, clinicId })
          .onConflictDoNothing()
          .returning();
        if (added.length)
          await writeAudit(tx, clock, actor, {
            action: 'program.clinic_joined',
            entityType: 'program',
            entityId: programId,
            after: { clinicId, program: program.name },
          });
      });
    },

    /** Letters already issued stay valid; the console stops offering the clinic for this program. */
    async leave(actor: Actor, clinicId: string, programId: string) {
      assertClinicAccess(actor, clinicId);
      const program = await openProgram(programId);
      await db.transaction(async (tx) => {
        const removed = await tx
          .delete(programClinics)
          .where(and(eq(programClinics.programId, programId), eq(programClinics.clinicId, clinicId)))
          .returning();
        if (removed.length)
          await writeAudit(tx, clock, actor, {
            action: 'program.clinic_left',
            entityType: 'program',
            entityId: programId,
            before: { clinicId, program: program.name },
          });
      });
    },

    /** The insurer opens or closes its program to clinics joining by themselves. */
    async setJoining(actor: Actor, programId: string, clinicsMayJoin: boolean) {
      const p = await loadProgramFor(db, actor, programId);
      await db.transaction(async (tx) => {
        await tx.update(programs).set({ clinicsMayJoin }).where(eq(programs.id, programId));
        await writeAudit(tx, clock, actor, {
          action: 'program.joining_changed',
          entityType: 'program',
          entityId: programId,
          before: { clinicsMayJoin: p.program.clinicsMayJoin },
          after: { clinicsMayJoin },
        });
      });
    },
  };
}

export type ClinicProgramsService = ReturnType<typeof clinicProgramsService>;
