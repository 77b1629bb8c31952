import { eq } from 'drizzle-orm';
import { helpRequests, medicalCases } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { activePolicy, todayOf } from './case.queries.ts';

/** Opens the case for a request (or returns the one already open), in the name of the acting doctor. */
export async function openCase(
  deps: Pick<AppDeps, 'database' | 'clock' | 'ids'>,
  actor: Actor,
  requestId: string,
) {
  const { clock } = deps;
  return deps.database.db.transaction(async (tx) => {
    const [r] = await tx.select().from(helpRequests).where(eq(helpRequests.id, requestId)).for('update');
    if (!r) throw new AppError('NOT_FOUND', 'Заявка не найдена');
    const [existing] = await tx.select().from(medicalCases).where(eq(medicalCases.requestId, requestId));
    if (existing) return existing.id;
    const policy = await activePolicy(tx, r.insuredPersonId, todayOf(clock.now()));
    if (!policy) throw new AppError('POLICY_NOT_ACTIVE', 'У застрахованного нет действующего полиса');
    const id = deps.ids.uuid();
    const now = clock.now();
    await tx.insert(medicalCases).values({
      id,
      requestId,
      insuredPersonId: r.insuredPersonId,
      policyId: policy.id,
      doctorId: actor.user!.id,
      complaints: r.complaint,
      status: 'open',
      createdAt: now,
      updatedAt: now,
    });
    await tx.update(helpRequests).set({ status: 'in_work' }).where(eq(helpRequests.id, requestId));
    await writeAudit(tx, clock, actor, {
      action: 'case.opened',
      entityType: 'case',
      entityId: id,
      after: { requestId },
    });
    return id;
  });
}
