import { CONSENT_TERMS } from '@remed/core';
import { and, eq } from 'drizzle-orm';
import { consents } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { ownPerson } from './personal-data-access.ts';

/**
 * Withdraws one of the signed-in person's own consents from their account. Withdrawing twice is not an error and is logged
 * once; a consent the service cannot work without is withdrawn only by a written request (and erasure).
 */
export async function withdrawConsent(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  consentId: string,
): Promise<{ withdrawnAt: string }> {
  const { clock } = deps;
  const personId = (await ownPerson(deps.database.db, actor)).id;
  return deps.database.db.transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(consents)
      .where(and(eq(consents.id, consentId), eq(consents.insuredPersonId, personId)))
      .for('update');
    if (!c) throw new AppError('NOT_FOUND', 'Согласие не найдено');
    if (c.withdrawnAt) return { withdrawnAt: c.withdrawnAt.toISOString() };
    if (!CONSENT_TERMS[c.kind].withdrawable) throw new AppError('CONSENT_NOT_WITHDRAWABLE');
    const now = clock.now();
    await tx
      .update(consents)
      .set({ withdrawnAt: now, withdrawnMethod: 'account', withdrawnIp: actor.ip })
      .where(eq(consents.id, c.id));
    await writeAudit(tx, clock, actor, {
      action: 'consent.withdrawn',
      entityType: 'consent',
      entityId: c.id,
      after: { kind: c.kind, version: c.textVersion, method: 'account' },
    });
    return { withdrawnAt: now.toISOString() };
  });
}
