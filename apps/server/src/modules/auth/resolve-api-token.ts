import type { SessionUser } from '@remed/core';
import { and, eq, isNull } from 'drizzle-orm';
import { apiTokens } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { sha256 } from '../../platform/ids.ts';
import { findUserById } from '../admin-users/users.queries.ts';
import { isEnrolled } from '../second-factor/second-factor.queries.ts';
import { sessionUserOf } from './open-session.ts';
import { SLIDE_EVERY_MS } from './resolve-session.ts';

/** The user of a bearer token that is neither revoked nor held by a blocked user. */
export async function resolveApiToken(
  deps: Pick<AppDeps, 'database' | 'clock' | 'config'>,
  secret: string,
): Promise<SessionUser> {
  const db = deps.database.db;
  const [t] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256(secret)), isNull(apiTokens.revokedAt)));
  if (!t) throw new AppError('UNAUTHENTICATED', 'Недействительный API-токен');
  const user = await findUserById(db, t.userId);
  if (!user || user.blockedAt) throw new AppError('UNAUTHENTICATED', 'Недействительный API-токен');
  const now = deps.clock.now();
  if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > SLIDE_EVERY_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, t.id));
  }
  return sessionUserOf(db, deps, user, await isEnrolled(db, user.id));
}
