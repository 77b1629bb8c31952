import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { endSessions } from '../auth/sessions.queries.ts';

/** A temporary password from the administrator: the user is signed out and changes it at the next sign-in. */
export async function resetUserPassword(
  deps: AppDeps,
  actor: Actor,
  id: string,
  password: string,
): Promise<void> {
  const { clock } = deps;
  const passwordHash = await hashPassword(password, deps.config.bcryptCost);
  await deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, updatedAt: clock.now() })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (!row) throw new AppError('NOT_FOUND', 'Пользователь не найден');
    await endSessions(tx, id);
    await writeAudit(tx, clock, actor, { action: 'user.password_reset', entityType: 'user', entityId: id });
  });
}
