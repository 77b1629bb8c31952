import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { pendingLogins, recoveryCodes, userTotp } from '../../db/schema/index.ts';
import type { Ids } from '../../platform/ids.ts';
import { hashRecoveryCode } from './recovery-codes.ts';

type TotpRow = typeof userTotp.$inferSelect;

export async function findTotp(db: DbOrTx, userId: string): Promise<TotpRow | undefined> {
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
  return row;
}

export async function isEnrolled(db: DbOrTx, userId: string): Promise<boolean> {
  return !!(await findTotp(db, userId))?.enrolledAt;
}

/**
 * Spends a time step: succeeds only if no request has used this step or a later one, so two requests with
 * the same code at the same moment cannot both pass.
 */
export async function spendTimeStep(db: DbOrTx, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(userTotp)
    .set({ lastTimeStep: step })
    .where(
      and(eq(userTotp.userId, userId), or(isNull(userTotp.lastTimeStep), lt(userTotp.lastTimeStep, step))),
    )
    .returning({ userId: userTotp.userId });
  return rows.length === 1;
}

export async function replaceRecoveryCodes(
  db: DbOrTx,
  ids: Ids,
  userId: string,
  codes: string[],
  at: Date,
): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(
    codes.map((code) => {
      const salt = ids.secret(16);
      return { id: ids.uuid(), userId, salt, codeHash: hashRecoveryCode(code, salt), createdAt: at };
    }),
  );
}

export async function recoveryCodesOf(db: DbOrTx, userId: string) {
  return db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

export async function countUnusedRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return r?.n ?? 0;
}

/** Marks a code used unless another request got there first. */
export async function spendRecoveryCode(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(and(eq(recoveryCodes.id, id), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

export async function removeSecondFactor(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.delete(userTotp).where(eq(userTotp.userId, userId));
  await db.delete(pendingLogins).where(eq(pendingLogins.userId, userId));
}
