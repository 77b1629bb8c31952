import { normalizeRuPhone, type SessionUser } from '@remed/core';
import { and, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import { apiTokens, pendingLogins, sessions, users, userTotp } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { sha256 } from '../../platform/ids.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { isEnrolled } from '../second-factor/second-factor.queries.ts';
import { findUserById, findUserByLogin } from '../users/users.queries.ts';
import { loginThrottleFor } from './login-throttle.ts';
import { type LoginResult, openSession, sessionUserOf } from './open-session.ts';
import { completePendingLogin, startPendingLogin } from './pending-login.ts';

/** Sessions are extended at most this often, so that reading a page does not write on every request. */
const SLIDE_EVERY_MS = 5 * 60_000;

export function parseLogin(raw: string): { key: string; email?: string; phone?: string } {
  const value = raw.trim();
  if (value.includes('@')) {
    const email = value.toLowerCase();
    return { key: `email:${email}`, email };
  }
  const phone = normalizeRuPhone(value);
  return phone ? { key: `phone:${phone}`, phone } : { key: `other:${value.toLowerCase()}` };
}

export type LoginOutcome =
  | ({ kind: 'session' } & LoginResult)
  | { kind: 'second_factor'; token: string; expiresAt: Date };

export function authService(deps: AppDeps) {
  const { database, clock, config } = deps;
  const db = database.db;
  // Session, user and whether an authenticator is in force in one round trip: this runs on every request.
  const sessionById = db
    .select({ s: sessions, user: users, enrolledAt: userTotp.enrolledAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userTotp, eq(userTotp.userId, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('session_by_id');
  const ttlMs = config.sessionTtlHours * 3600_000;
  const throttle = loginThrottleFor(deps);

  return {
    /** A right password opens a session, or, with an authenticator in force, a pending login for its code. */
    async login(
      input: { login: string; password: string },
      actor: Actor,
      meta: { userAgent: string | null },
    ): Promise<LoginOutcome> {
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
    },

    /** Registration signs its new user in: an account made a moment ago has no authenticator yet. */
    async loginNewUser(
      input: { login: string; password: string },
      actor: Actor,
      meta: { userAgent: string | null },
    ): Promise<LoginResult> {
      const outcome = await this.login(input, actor, meta);
      if (outcome.kind !== 'session') throw new AppError('INVALID_STATE');
      return outcome;
    },

    completeSecondFactor: (token: string | undefined, code: string, actor: Actor) =>
      completePendingLogin(deps, token, code, actor),

    async logout(token: string, actor: Actor) {
      await db.transaction(async (tx) => {
        const deleted = await tx
          .delete(sessions)
          .where(eq(sessions.id, sha256(token)))
          .returning({ userId: sessions.userId });
        if (deleted[0])
          await writeAudit(tx, clock, actor, {
            action: 'auth.logout',
            entityType: 'user',
            entityId: deleted[0].userId,
          });
      });
    },

    /** Resolves a session cookie; an unknown or expired session is an error the UI turns into "session expired". */
    async resolveSession(token: string): Promise<{ user: SessionUser; sessionId: string; expiresAt: Date }> {
      const id = sha256(token);
      const [row] = await sessionById.execute({ id });
      const now = clock.now();
      if (!row || row.s.expiresAt <= now) {
        if (row) await db.delete(sessions).where(eq(sessions.id, id));
        throw new AppError('SESSION_EXPIRED');
      }
      if (row.user.blockedAt) throw new AppError('SESSION_EXPIRED');
      let expiresAt = row.s.expiresAt;
      if (now.getTime() - row.s.lastSeenAt.getTime() > SLIDE_EVERY_MS) {
        expiresAt = new Date(now.getTime() + ttlMs);
        await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
      }
      return { user: await sessionUserOf(db, deps, row.user, !!row.enrolledAt), sessionId: id, expiresAt };
    },

    async resolveApiToken(secret: string): Promise<SessionUser> {
      const [t] = await db
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.tokenHash, sha256(secret)), isNull(apiTokens.revokedAt)));
      if (!t) throw new AppError('UNAUTHENTICATED', 'Недействительный API-токен');
      const user = await findUserById(db, t.userId);
      if (!user || user.blockedAt) throw new AppError('UNAUTHENTICATED', 'Недействительный API-токен');
      const now = clock.now();
      if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > SLIDE_EVERY_MS) {
        await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, t.id));
      }
      return sessionUserOf(db, deps, user, await isEnrolled(db, user.id));
    },

    async changePassword(
      actor: Actor,
      sessionId: string | null,
      input: { currentPassword: string; newPassword: string },
    ) {
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
      const passwordHash = await hashPassword(input.newPassword, config.bcryptCost);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, mustChangePassword: false, updatedAt: clock.now() })
          .where(eq(users.id, user.id));
        // Other devices signed in with the old password are signed out.
        await tx
          .delete(sessions)
          .where(
            sessionId
              ? and(eq(sessions.userId, user.id), ne(sessions.id, sessionId))
              : eq(sessions.userId, user.id),
          );
        await writeAudit(tx, clock, actor, {
          action: 'user.password_changed',
          entityType: 'user',
          entityId: user.id,
        });
      });
    },

    async purgeExpiredSessions() {
      await db.delete(sessions).where(lt(sessions.expiresAt, clock.now()));
      await db.delete(pendingLogins).where(lt(pendingLogins.expiresAt, clock.now()));
    },
  };
}

export type AuthService = ReturnType<typeof authService>;
