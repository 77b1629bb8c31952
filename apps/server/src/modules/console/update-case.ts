import { eq } from 'drizzle-orm';
import { medicalCases } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';

/** The doctor's record of the case: complaints and the ICD-10 diagnosis. */
export async function updateCase(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  caseId: string,
  patch: {
    complaints?: string | undefined;
    icd10Code?: string | null | undefined;
    icd10Text?: string | null | undefined;
  },
) {
  const { clock } = deps;
  await deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(medicalCases).where(eq(medicalCases.id, caseId)).for('update');
    if (!before) throw new AppError('NOT_FOUND', 'Обращение не найдено');
    const [after] = await tx
      .update(medicalCases)
      .set({ ...patch, updatedAt: clock.now() })
      .where(eq(medicalCases.id, caseId))
      .returning();
    await writeAudit(tx, clock, actor, {
      action: 'case.updated',
      entityType: 'case',
      entityId: caseId,
      before,
      after,
    });
  });
}
