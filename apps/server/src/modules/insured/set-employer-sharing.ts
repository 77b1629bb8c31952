import { CONSENT_TEXTS } from '@remed/core';
import { and, eq, isNull } from 'drizzle-orm';
import { consents } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ownInsuredPerson } from './insured-person.queries.ts';

/** Sharing with the employer is optional: given or withdrawn at any time, each step audited. */
export async function setEmployerSharing(
  deps: Pick<AppDeps, 'database' | 'clock' | 'ids'>,
  actor: Actor,
  accept: boolean,
  userAgent: string | null,
) {
  const { clock, ids } = deps;
  const db = deps.database.db;
  const person = await ownInsuredPerson(db, actor);
  await db.transaction(async (tx) => {
    const [active] = await tx
      .select()
      .from(consents)
      .where(
        and(
          eq(consents.insuredPersonId, person.id),
          eq(consents.kind, 'employer_sharing'),
          isNull(consents.withdrawnAt),
        ),
      );
    if (accept && !active) {
      const id = ids.uuid();
      await tx.insert(consents).values({
        id,
        insuredPersonId: person.id,
        kind: 'employer_sharing',
        textVersion: CONSENT_TEXTS.employer_sharing.version,
        acceptedAt: clock.now(),
        method: 'account',
        ip: actor.ip,
        userAgent,
      });
      await writeAudit(tx, clock, actor, {
        action: 'consent.given',
        entityType: 'consent',
        entityId: id,
        after: { kind: 'employer_sharing' },
      });
    }
    if (!accept && active) {
      await tx
        .update(consents)
        .set({ withdrawnAt: clock.now(), withdrawnMethod: 'account', withdrawnIp: actor.ip })
        .where(eq(consents.id, active.id));
      await writeAudit(tx, clock, actor, {
        action: 'consent.withdrawn',
        entityType: 'consent',
        entityId: active.id,
        after: { kind: 'employer_sharing' },
      });
    }
  });
}
