import { programClinics } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { todayOf } from '../console/case.queries.ts';
import { openProgram, readiness } from './clinic-programs.queries.ts';

/**
 * A clinic joins a reimbursement program the insurer opened, once it has a contract signed by both sides
 * and a price list in force; the console then offers it for letters.
 */
export async function joinProgram(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  clinicId: string,
  programId: string,
) {
  assertClinicAccess(actor, clinicId);
  const { clock } = deps;
  const db = deps.database.db;
  const program = await openProgram(db, programId);
  const ready = await readiness(db, clinicId, todayOf(clock.now()));
  if (!ready.contractSigned)
    throw new AppError(
      'CONTRACT_REQUIRED',
      'Сначала подпишите договор с сервисом: присоединиться можно, когда его подписали обе стороны',
    );
  if (!ready.priceList)
    throw new AppError('PRICE_LIST_REQUIRED', 'Сначала опубликуйте прейскурант: без цен письма не выдать');
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
}
