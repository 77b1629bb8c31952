import { and, eq } from 'drizzle-orm';
import { userTotp } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { open } from '../../platform/secret-box.ts';
import { endSessions } from '../auth/sessions.queries.ts';
import { issueRecoveryCodes } from './issue-recovery-codes.ts';
import { findTotp } from './second-factor.queries.ts';
import { checkTotp } from './totp.ts';

/**
 * A right code from the app puts the secret in force and returns the recovery codes, the only time they
 * are shown. Sessions on other devices, opened with the password alone, are closed.
 */
export async function confirmEnrolment(
  deps: AppDeps,
  actor: Actor,
  sessionId: string | null,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const db = deps.database.db;
  const userId = actor.user!.id;
  const totp = await findTotp(db, userId);
  if (!totp) throw new AppError('SECOND_FACTOR_NOT_ENROLLED', 'Сначала получите QR-код для приложения');
  if (totp.enrolledAt) throw new AppError('SECOND_FACTOR_ENROLLED');
  const now = deps.clock.now();
  const result = await checkTotp(open(deps.totpKey, totp.secretSealed, userId), code, now, null);
  if (!result.ok) {
    const message = 'Неверный код. Введите шесть цифр, которые сейчас показывает приложение';
    throw new AppError('SECOND_FACTOR_INVALID', message, { fields: { code: message } });
  }
  const codes = await db.transaction(async (tx) => {
    const done = await tx
      .update(userTotp)
      .set({ enrolledAt: now, lastTimeStep: result.timeStep })
      .where(and(eq(userTotp.userId, userId), eq(userTotp.secretSealed, totp.secretSealed)))
      .returning({ userId: userTotp.userId });
    // Another tab started over with a new QR code meanwhile: this code belongs to the old one.
    if (!done.length)
      throw new AppError('SECOND_FACTOR_INVALID', 'QR-код обновился в другой вкладке. Отсканируйте новый');
    await endSessions(tx, userId, sessionId);
    return issueRecoveryCodes(tx, deps, actor, userId, 'second_factor.enrolled');
  });
  return { recoveryCodes: codes };
}
