import { normalizeRuPhone, type SessionUser } from '@remed/core';
import { and, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import { apiTokens, loginThrottle, sessions, users } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { sha256 } from '../../platform/ids.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { findUserById, findUserByLogin, toSessionUser } from '../users/users.repository.ts';

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

export interface LoginResult {
  token: string;
  user: SessionUser;
  expiresAt: Date;
}

export function authService(deps: AppDeps) {
  const { database, clock, ids, config } = deps;
  const db = database.db;
  // Session and user in one round trip, as a prepared statement: this runs on every request.
  const sessionById = db
    .select({ s: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('session_by_id');
  const ttlMs = config.sessionTtlHours * 3600_000;

  async function assertNotLocked(key: string) {
    const [t] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
    if (t?.lockedUntil && t.lockedUntil > clock.now()) {
      const minutes = Math.max(1, Math.ceil((t.lockedUntil.getTime() - clock.now().getTime()) / 60_000));
      throw new AppError(
        'LOGIN_LOCKED',
        `Слишком много неудачных попыток входа. Попробуйте через ${minutes} мин.`,
      );
    }
  }

  async function recordFailure(key: string, actor: Actor, userId: string | null, login: string) {
    const now = clock.now();
    const windowStart = new Date(now.getTime() - config.login.lockMinutes * 60_000);
    await db.transaction(async (tx) => {
      const [t] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).for('update');
      const failures = t && t.firstFailureAt > windowStart ? t.failures + 1 : 1;
      const firstFailureAt = t && t.firstFailureAt > windowStart ? t.firstFailureAt : now;
      const lockedUntil =
        failures >= config.login.maxFailures
          ? new Date(now.getTime() + config.login.lockMinutes * 60_000)
          : null;
      await tx
        .insert(loginThrottle)
        .values({ key, failures, firstFailureAt, lockedUntil })
        .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, firstFailureAt, lockedUntil } });
      await writeAudit(tx, clock, actor, {
        action: lockedUntil ? 'auth.login_locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: userId,
        after: { login, failures },
      });
    });
  }

  return {
    async login(
      input: { login: string; password: string },
      actor: Actor,
      meta: { userAgent: string | null },
    ): Promise<LoginResult> {
      const parsed = parseLogin(input.login);
      await assertNotLocked(parsed.key);
      const user = await findUserByLogin(db, parsed);
      const ok = user
        ? await verifyPassword(input.password, user.passwordHash)
        : await burnPasswordCheck(input.password);
      if (!user || !ok) {
        await recordFailure(parsed.key, actor, user?.id ?? null, input.login.trim());
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (user.blockedAt) throw new AppError('ACCOUNT_BLOCKED');

      const token = ids.secret(32);
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + ttlMs);
      const sessionUser = await toSessionUser(db, user);
      await db.transaction(async (tx) => {
        await tx.delete(loginThrottle).where(eq(loginThrottle.key, parsed.key));
        await tx.insert(sessions).values({
          id: sha256(token),
          userId: user.id,
          createdAt: now,
          expiresAt,
          lastSeenAt: now,
          ip: actor.ip,
          userAgent: meta.userAgent?.slice(0, 500) ?? null,
        });
        await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
        await writeAudit(
          tx,
          clock,
          { ...actor, user: sessionUser },
          { action: 'auth.login', entityType: 'user', entityId: user.id },
        );
      });
      return { token, user: sessionUser, expiresAt };
    },

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
      return { user: await toSessionUser(db, row.user), sessionId: id, expiresAt };
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
      return toSessionUser(db, user);
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
    },
  };
}

export type AuthService = ReturnType<typeof authService>;
