import crypto from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { otpCodes } from '../db/schema/index.ts';
import type { Clock } from './clock.ts';
import { AppError } from './errors.ts';
import type { Ids } from './ids.ts';

const TTL_MS = 10 * 60_000;
const RESEND_AFTER_MS = 60_000;
const MAX_PER_HOUR = 5;
const MAX_ATTEMPTS = 5;

const hash = (id: string, code: string) => crypto.createHash('sha256').update(`${id}:${code}`).digest('hex');

/**
 * One-time codes (registration, signatures): six digits, ten minutes, one use, five attempts, at most one
 * code a minute and five an hour per target. Only a salted hash is stored.
 */
export function otpService(deps: { clock: Clock; ids: Ids }) {
  const { clock, ids } = deps;
  return {
    async issue(db: DbOrTx, purpose: string, target: string, opts: { code?: string; ttlMs?: number } = {}) {
      const now = clock.now();
      const recent = await db
        .select({ createdAt: otpCodes.createdAt })
        .from(otpCodes)
        .where(
          and(
            eq(otpCodes.purpose, purpose),
            eq(otpCodes.target, target),
            gt(otpCodes.createdAt, new Date(now.getTime() - 3600_000)),
          ),
        )
        .orderBy(desc(otpCodes.createdAt));
      const last = recent[0];
      if (last && now.getTime() - last.createdAt.getTime() < RESEND_AFTER_MS) {
        const wait = Math.ceil((RESEND_AFTER_MS - (now.getTime() - last.createdAt.getTime())) / 1000);
        throw new AppError('CODE_RATE_LIMITED', `Код уже отправлен. Новый можно запросить через ${wait} с`);
      }
      if (recent.length >= MAX_PER_HOUR)
        throw new AppError('CODE_RATE_LIMITED', 'Слишком много кодов за час. Попробуйте позже');
      const id = ids.uuid();
      const code = opts.code ?? String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
      await db.insert(otpCodes).values({
        id,
        purpose,
        target,
        codeHash: hash(id, code),
        createdAt: now,
        expiresAt: new Date(now.getTime() + (opts.ttlMs ?? TTL_MS)),
      });
      return { id, code };
    },

    /**
     * Checks the latest unused code for the target; a right code is spent, a wrong one costs an attempt.
     * Call it outside a transaction that might roll back, or the spent attempt is rolled back with it.
     */
    async verify(db: DbOrTx, purpose: string, target: string, code: string): Promise<{ id: string }> {
      const [row] = await db
        .select()
        .from(otpCodes)
        .where(and(eq(otpCodes.purpose, purpose), eq(otpCodes.target, target), isNull(otpCodes.consumedAt)))
        .orderBy(desc(otpCodes.createdAt))
        .limit(1);
      if (!row) throw new AppError('CODE_INVALID');
      if (row.expiresAt <= clock.now()) throw new AppError('CODE_EXPIRED');
      if (row.attempts >= MAX_ATTEMPTS) throw new AppError('CODE_TOO_MANY_ATTEMPTS');
      const expected = Buffer.from(row.codeHash, 'hex');
      const given = Buffer.from(hash(row.id, code), 'hex');
      if (!crypto.timingSafeEqual(expected, given)) {
        await db
          .update(otpCodes)
          .set({ attempts: row.attempts + 1 })
          .where(eq(otpCodes.id, row.id));
        throw new AppError(row.attempts + 1 >= MAX_ATTEMPTS ? 'CODE_TOO_MANY_ATTEMPTS' : 'CODE_INVALID');
      }
      const spent = await db
        .update(otpCodes)
        .set({ consumedAt: clock.now() })
        .where(and(eq(otpCodes.id, row.id), isNull(otpCodes.consumedAt)))
        .returning({ id: otpCodes.id });
      if (!spent.length) throw new AppError('CODE_INVALID');
      return { id: row.id };
    },
  };
}
