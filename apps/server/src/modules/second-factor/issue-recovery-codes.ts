import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { newRecoveryCodes } from './recovery-codes.ts';
import { replaceRecoveryCodes } from './second-factor.queries.ts';

/** A fresh set of recovery codes in place of all old ones, audited by how many (never the codes). */
export async function issueRecoveryCodes(
  tx: Tx,
  deps: Pick<AppDeps, 'clock' | 'ids'>,
  actor: Actor,
  userId: string,
  action: 'second_factor.enrolled' | 'second_factor.recovery_codes_regenerated',
): Promise<string[]> {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(tx, deps.ids, userId, codes, deps.clock.now());
  await writeAudit(tx, deps.clock, actor, {
    action,
    entityType: 'user',
    entityId: userId,
    after: { recoveryCodes: codes.length },
  });
  return codes;
}
