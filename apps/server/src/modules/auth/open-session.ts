import type { SecondFactorState, SessionUser } from '@remed/core';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { sha256 } from '../../platform/ids.ts';
import { toSessionUser, type UserRow } from '../admin-users/users.queries.ts';
import type { SecondFactorMethod } from '../second-factor/check-second-factor.ts';
import { secondFactorState } from '../second-factor/second-factor-state.ts';
import { loginThrottleFor } from './login-throttle.ts';

export interface LoginResult {
  token: string;
  user: SessionUser;
  expiresAt: Date;
}

export async function sessionUserOf(
  db: DbOrTx,
  deps: Pick<AppDeps, 'config'>,
  row: UserRow,
  enrolled: boolean,
): Promise<SessionUser> {
  const state: SecondFactorState = secondFactorState(row, enrolled, deps.config.secondFactor.roles);
  return toSessionUser(db, row, state);
}

/**
 * The one place a session is opened, after the password alone or after the password and a code: clears
 * the throttles that led here and writes `auth.login` with how the user proved who they are.
 */
export async function openSession(
  deps: Pick<AppDeps, 'database' | 'clock' | 'ids' | 'config'>,
  user: UserRow,
  actor: Actor,
  opts: {
    userAgent: string | null;
    enrolled: boolean;
    throttleKeys: string[];
    secondFactor: SecondFactorMethod | null;
    inTransaction?: (tx: DbOrTx) => Promise<void>;
  },
): Promise<LoginResult> {
  const { clock, ids, config } = deps;
  const db = deps.database.db;
  const throttle = loginThrottleFor(deps);
  const token = ids.secret(32);
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3600_000);
  const sessionUser = await sessionUserOf(db, deps, user, opts.enrolled);
  await db.transaction(async (tx) => {
    for (const key of opts.throttleKeys) await throttle.clear(tx, key);
    await opts.inTransaction?.(tx);
    await tx.insert(sessions).values({
      id: sha256(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      ip: actor.ip,
      userAgent: opts.userAgent?.slice(0, 500) ?? null,
    });
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    await writeAudit(
      tx,
      clock,
      { ...actor, user: sessionUser },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        after: opts.secondFactor ? { secondFactor: opts.secondFactor } : null,
      },
    );
  });
  return { token, user: sessionUser, expiresAt };
}
