import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { checkSecondFactor } from './check-second-factor.ts';
import { issueRecoveryCodes } from './issue-recovery-codes.ts';

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
  const codes = await db.transaction((tx) =>
    issueRecoveryCodes(tx, deps, actor, userId, 'second_factor.recovery_codes_regenerated'),
  );
  return { recoveryCodes: codes };
}
