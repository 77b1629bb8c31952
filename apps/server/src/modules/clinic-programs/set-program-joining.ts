import { eq } from 'drizzle-orm';
import { programs } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { loadProgramFor } from '../insurance/programs.queries.ts';

/** The insurer opens or closes its program to clinics joining by themselves. */
export async function setProgramJoining(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  programId: string,
  clinicsMayJoin: boolean,
) {
  const db = deps.database.db;
  const p = await loadProgramFor(db, actor, programId);
  await db.transaction(async (tx) => {
    await tx.update(programs).set({ clinicsMayJoin }).where(eq(programs.id, programId));
    await writeAudit(tx, deps.clock, actor, {
      action: 'program.joining_changed',
      entityType: 'program',
      entityId: programId,
      before: { clinicsMayJoin: p.program.clinicsMayJoin },
      after: { clinicsMayJoin },
    });
  });
}
