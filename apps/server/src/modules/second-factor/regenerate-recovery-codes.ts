import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { checkSecondFactor } from './check-second-factor.ts';
import { newRecoveryCodes } from './recovery-codes.ts';
import { replaceRecoveryCodes } from './second-factor.queries.ts';

/**
 * New recovery codes replace all old ones. A current code from the app is asked for, so a session left
 * open on someone else's computer cannot print itself a way in.
 */
export async function regenerateRecoveryCodes(
  deps: AppDeps,
  actor: Actor,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const db = deps.database.db;
  const userId = actor.user!.id;
  await checkSecondFactor(db, deps, userId, code, { allowRecoveryCode: false });
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await replaceRecoveryCodes(tx, deps.ids, userId, codes, deps.clock.now());
    await writeAudit(tx, deps.clock, actor, {
      action: 'second_factor.recovery_codes_regenerated',
      entityType: 'user',
      entityId: userId,
      after: { recoveryCodes: codes.length },
    });
  });
  return { recoveryCodes: codes };
}
