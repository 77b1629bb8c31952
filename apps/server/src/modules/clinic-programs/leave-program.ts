import { and, eq } from 'drizzle-orm';
import { programClinics } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { openProgram } from './clinic-programs.queries.ts';

/** Letters already issued stay valid; the console stops offering the clinic for this program. */
export async function leaveProgram(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  clinicId: string,
  programId: string,
) {
  assertClinicAccess(actor, clinicId);
  const db = deps.database.db;
  const program = await openProgram(db, programId);
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(programClinics)
      .where(and(eq(programClinics.programId, programId), eq(programClinics.clinicId, clinicId)))
      .returning();
    if (removed.length)
      await writeAudit(tx, deps.clock, actor, {
        action: 'program.clinic_left',
        entityType: 'program',
        entityId: programId,
        before: { clinicId, program: program.name },
      });
  });
}
