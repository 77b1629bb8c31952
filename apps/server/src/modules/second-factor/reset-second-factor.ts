import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { findUserById } from '../admin-users/users.queries.ts';
import { endSessions } from '../auth/sessions.queries.ts';
import { findTotp, removeSecondFactor } from './second-factor.queries.ts';

/**
 * For a lost phone: the administrator removes the authenticator and the recovery codes and signs the user
 * out; a staff user sets up a new one at the next sign-in.
 */
export async function resetSecondFactor(deps: AppDeps, actor: Actor, userId: string): Promise<void> {
  const db = deps.database.db;
  if (!(await findUserById(db, userId))) throw new AppError('NOT_FOUND', 'Пользователь не найден');
  const totp = await findTotp(db, userId);
  if (!totp) throw new AppError('SECOND_FACTOR_NOT_ENROLLED');
  await db.transaction(async (tx) => {
    await removeSecondFactor(tx, userId);
    await endSessions(tx, userId);
    await writeAudit(tx, deps.clock, actor, {
      action: 'second_factor.reset',
      entityType: 'user',
      entityId: userId,
      before: { enrolledAt: totp.enrolledAt?.toISOString() ?? null },
    });
  });
}
