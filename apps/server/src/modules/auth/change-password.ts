import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { findUserById } from '../admin-users/users.queries.ts';
import { endSessions } from './sessions.queries.ts';

/** The signed-in user's new password, given the current one; other devices are signed out. */
export async function changePassword(
  deps: AppDeps,
  actor: Actor,
  sessionId: string | null,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { clock } = deps;
  const db = deps.database.db;
  const user = await findUserById(db, actor.user!.id);
  if (!user) throw new AppError('NOT_FOUND');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('WRONG_PASSWORD', undefined, {
      fields: { currentPassword: 'Текущий пароль указан неверно' },
    });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('WEAK_PASSWORD', 'Новый пароль должен отличаться от текущего', {
      fields: { newPassword: 'Новый пароль должен отличаться от текущего' },
    });
  }
  const passwordHash = await hashPassword(input.newPassword, deps.config.bcryptCost);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: clock.now() })
      .where(eq(users.id, user.id));
    await endSessions(tx, user.id, sessionId);
    await writeAudit(tx, clock, actor, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
    });
  });
}
