import { normalizeRuPhone } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { burnPasswordCheck, verifyPassword } from '../../platform/passwords.ts';
import { findUserByLogin } from '../admin-users/users.queries.ts';
import { isEnrolled } from '../second-factor/second-factor.queries.ts';
import { loginThrottleFor } from './login-throttle.ts';
import { type LoginResult, openSession } from './open-session.ts';
import { startPendingLogin } from './pending-login.ts';

type LoginOutcome =
  | ({ kind: 'session' } & LoginResult)
  | { kind: 'second_factor'; token: string; expiresAt: Date };

type LoginInput = { login: string; password: string };

function parseLogin(raw: string): { key: string; email?: string; phone?: string } {
  const value = raw.trim();
  if (value.includes('@')) {
    const email = value.toLowerCase();
    return { key: `email:${email}`, email };
  }
  const phone = normalizeRuPhone(value);
  return phone ? { key: `phone:${phone}`, phone } : { key: `other:${value.toLowerCase()}` };
}

/** A right password opens a session, or, with an authenticator in force, a pending login for its code. */
export async function logIn(
  deps: AppDeps,
  actor: Actor,
  input: LoginInput,
  meta: { userAgent: string | null },
): Promise<LoginOutcome> {
  const db = deps.database.db;
  const throttle = loginThrottleFor(deps);
  const parsed = parseLogin(input.login);
  await throttle.assertNotLocked(parsed.key);
  const user = await findUserByLogin(db, parsed);
  const ok = user
    ? await verifyPassword(input.password, user.passwordHash)
    : await burnPasswordCheck(input.password);
  if (!user || !ok) {
    await throttle.recordFailure(parsed.key, actor, {
      action: 'auth.login',
      userId: user?.id ?? null,
      after: { login: input.login.trim() },
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.blockedAt) throw new AppError('ACCOUNT_BLOCKED');
  if (await isEnrolled(db, user.id)) {
    const pending = await startPendingLogin(deps, user, actor, {
      userAgent: meta.userAgent,
      passwordThrottleKey: parsed.key,
    });
    return { kind: 'second_factor', ...pending };
  }
  const session = await openSession(deps, user, actor, {
    userAgent: meta.userAgent,
    enrolled: false,
    throttleKeys: [parsed.key],
    secondFactor: null,
  });
  return { kind: 'session', ...session };
}

/** Registration signs its new user in: an account made a moment ago has no authenticator yet. */
export async function logInNewUser(
  deps: AppDeps,
  actor: Actor,
  input: LoginInput,
  meta: { userAgent: string | null },
): Promise<LoginResult> {
  const outcome = await logIn(deps, actor, input, meta);
  if (outcome.kind !== 'session') throw new AppError('INVALID_STATE');
  return outcome;
}
