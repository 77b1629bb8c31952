import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { loginThrottle } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Failures per key in the database, so a lock holds on every machine: passwords per login name (made-up
 * names lock like real ones), second-factor codes per user.
 */
export function loginThrottleFor(deps: Pick<AppDeps, 'database' | 'clock' | 'config'>) {
  const { clock, config } = deps;
  const db = deps.database.db;
  return {
    async assertNotLocked(key: string) {
      const [t] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
      if (t?.lockedUntil && t.lockedUntil > clock.now()) {
        const minutes = Math.max(1, Math.ceil((t.lockedUntil.getTime() - clock.now().getTime()) / 60_000));
        throw new AppError(
          'LOGIN_LOCKED',
          `Слишком много неудачных попыток входа. Попробуйте через ${minutes} мин.`,
        );
      }
    },

    /** Counts a failure and writes `<action>_failed`, or `<action>_locked` for the one that locks. */
    async recordFailure(
      key: string,
      actor: Actor,
      audit: { action: 'auth.login' | 'auth.second_factor'; userId: string | null; after: object },
    ) {
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
          action: `${audit.action}_${lockedUntil ? 'locked' : 'failed'}`,
          entityType: 'user',
          entityId: audit.userId,
          after: { ...audit.after, failures },
        });
      });
    },

    clear: (tx: DbOrTx, key: string) => tx.delete(loginThrottle).where(eq(loginThrottle.key, key)),
  };
}

export const secondFactorThrottleKey = (userId: string) => `second-factor:${userId}`;
