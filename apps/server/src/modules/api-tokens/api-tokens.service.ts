import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiTokens } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { sha256 } from '../../platform/ids.ts';

type Row = typeof apiTokens.$inferSelect;
const view = (t: Row) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/** Personal API tokens for integrations: shown once, stored as SHA-256, revocable. */
export function apiTokensService(deps: AppDeps) {
  const { database, clock, ids } = deps;
  const db = database.db;
  return {
    async list(actor: Actor) {
      const rows = await db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.userId, actor.user!.id))
        .orderBy(desc(apiTokens.createdAt));
      return rows.map(view);
    },
    async create(actor: Actor, name: string) {
      const secret = `rmd_${ids.secret(32)}`;
      const id = ids.uuid();
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(apiTokens)
          .values({
            id,
            userId: actor.user!.id,
            name,
            prefix: secret.slice(0, 10),
            tokenHash: sha256(secret),
            createdAt: clock.now(),
          })
          .returning();
        await writeAudit(tx, clock, actor, {
          action: 'api_token.created',
          entityType: 'api_token',
          entityId: id,
          after: { name },
        });
        return { token: view(row!), secret };
      });
    },
    async revoke(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
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
    },
  };
}

export type ApiTokensService = ReturnType<typeof apiTokensService>;
