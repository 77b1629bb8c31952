import type { SessionUser } from '@remed/core';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions, users, userTotp } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { sha256 } from '../../platform/ids.ts';
import { sessionUserOf } from './open-session.ts';

/** Sessions and API tokens are marked used at most this often, so reading a page does not write every time. */
export const SLIDE_EVERY_MS = 5 * 60_000;

// Session, user and whether an authenticator is in force in one round trip: this runs on every request.
const prepareSessionById = (db: Db) =>
  db
    .select({ s: sessions, user: users, enrolledAt: userTotp.enrolledAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userTotp, eq(userTotp.userId, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('session_by_id');

const sessionByIdOf = new WeakMap<Db, ReturnType<typeof prepareSessionById>>();

function sessionById(db: Db) {
  let prepared = sessionByIdOf.get(db);
  if (!prepared) {
    prepared = prepareSessionById(db);
    sessionByIdOf.set(db, prepared);
  }
  return prepared;
}

/** Resolves a session cookie; an unknown or expired session is an error the UI turns into "session expired". */
export async function resolveSession(
  deps: Pick<AppDeps, 'database' | 'clock' | 'config'>,
  token: string,
): Promise<{ user: SessionUser; sessionId: string; expiresAt: Date }> {
  const db = deps.database.db;
  const id = sha256(token);
  const [row] = await sessionById(db).execute({ id });
  const now = deps.clock.now();
  if (!row || row.s.expiresAt <= now) {
    if (row) await db.delete(sessions).where(eq(sessions.id, id));
    throw new AppError('SESSION_EXPIRED');
  }
  if (row.user.blockedAt) throw new AppError('SESSION_EXPIRED');
  let expiresAt = row.s.expiresAt;
  if (now.getTime() - row.s.lastSeenAt.getTime() > SLIDE_EVERY_MS) {
    expiresAt = new Date(now.getTime() + deps.config.sessionTtlHours * 3600_000);
    await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
  }
  return { user: await sessionUserOf(db, deps, row.user, !!row.enrolledAt), sessionId: id, expiresAt };
}
