import { and, eq, lt } from 'drizzle-orm';
import { pendingLogins } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { sha256 } from '../../platform/ids.ts';
import { findUserById, type UserRow } from '../admin-users/users.queries.ts';
import { checkSecondFactor } from '../second-factor/check-second-factor.ts';
import { loginThrottleFor, secondFactorThrottleKey } from './login-throttle.ts';
import { type LoginResult, openSession } from './open-session.ts';

export const PENDING_LOGIN_COOKIE = 'remed_pending_login';
const PENDING_TTL_MS = 5 * 60_000;

/** After a right password of an enrolled user: a short-lived token that opens nothing but the code step. */
export async function startPendingLogin(
  deps: AppDeps,
  user: UserRow,
  actor: Actor,
  opts: { userAgent: string | null; passwordThrottleKey: string },
): Promise<{ token: string; expiresAt: Date }> {
  const db = deps.database.db;
  const token = deps.ids.secret(32);
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + PENDING_TTL_MS);
  await db.transaction(async (tx) => {
    await loginThrottleFor(deps).clear(tx, opts.passwordThrottleKey);
    await tx
      .delete(pendingLogins)
      .where(and(eq(pendingLogins.userId, user.id), lt(pendingLogins.expiresAt, now)));
    await tx.insert(pendingLogins).values({
      id: sha256(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
      userAgent: opts.userAgent?.slice(0, 500) ?? null,
    });
    await writeAudit(tx, deps.clock, actor, {
      action: 'auth.second_factor_requested',
      entityType: 'user',
      entityId: user.id,
    });
  });
  return { token, expiresAt };
}

/**
 * The code step: a code from the app or a recovery code turns the pending login into a session. Wrong
 * codes count against the user (LOGIN_MAX_FAILURES in LOGIN_LOCK_MINUTES), whatever pending token they
 * come with.
 */
export async function completePendingLogin(
  deps: AppDeps,
  token: string | undefined,
  code: string,
  actor: Actor,
): Promise<LoginResult> {
  const db = deps.database.db;
  const id = token ? sha256(token) : null;
  const [pending] = id ? await db.select().from(pendingLogins).where(eq(pendingLogins.id, id)) : [];
  if (!pending || pending.expiresAt <= deps.clock.now()) {
    if (pending) await db.delete(pendingLogins).where(eq(pendingLogins.id, pending.id));
    throw new AppError('SECOND_FACTOR_LOGIN_EXPIRED');
  }
  const user = await findUserById(db, pending.userId);
  if (!user || user.blockedAt) {
    await db.delete(pendingLogins).where(eq(pendingLogins.id, pending.id));
    throw new AppError('ACCOUNT_BLOCKED');
  }
  const throttle = loginThrottleFor(deps);
  const throttleKey = secondFactorThrottleKey(user.id);
  await throttle.assertNotLocked(throttleKey);
  let method: Awaited<ReturnType<typeof checkSecondFactor>>;
  try {
    method = await checkSecondFactor(db, deps, user.id, code, { allowRecoveryCode: true });
  } catch (e) {
    if (isAppError(e) && (e.code === 'SECOND_FACTOR_INVALID' || e.code === 'SECOND_FACTOR_CODE_USED'))
      await throttle.recordFailure(throttleKey, actor, {
        action: 'auth.second_factor',
        userId: user.id,
        after: { reason: e.code },
      });
    throw e;
  }
  return openSession(deps, user, actor, {
    userAgent: pending.userAgent,
    enrolled: true,
    throttleKeys: [throttleKey],
    secondFactor: method,
    inTransaction: async (tx) => {
      await tx.delete(pendingLogins).where(eq(pendingLogins.id, pending.id));
      if (method === 'recovery_code')
        await writeAudit(tx, deps.clock, actor, {
          action: 'second_factor.recovery_code_used',
          entityType: 'user',
          entityId: user.id,
        });
    },
  });
}
