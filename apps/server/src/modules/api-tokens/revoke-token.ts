import { and, eq, isNull } from 'drizzle-orm';
import { apiTokens } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';

/** Revokes one of the user's own tokens; another user's token, or one already revoked, is not found. */
export async function revokeToken(deps: Pick<AppDeps, 'database' | 'clock'>, actor: Actor, id: string) {
  const { clock } = deps;
  await deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: clock.now() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.user!.id), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw new AppError('NOT_FOUND', 'Токен не найден');
    await writeAudit(tx, clock, actor, {
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: id,
    });
  });
}
