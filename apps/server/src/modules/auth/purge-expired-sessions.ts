import { lt } from 'drizzle-orm';
import { pendingLogins, sessions } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';

/** The hourly sweep of sessions and pending logins past their expiry. */
export async function purgeExpiredSessions(deps: Pick<AppDeps, 'database' | 'clock'>): Promise<void> {
  const db = deps.database.db;
  await db.delete(sessions).where(lt(sessions.expiresAt, deps.clock.now()));
  await db.delete(pendingLogins).where(lt(pendingLogins.expiresAt, deps.clock.now()));
}
