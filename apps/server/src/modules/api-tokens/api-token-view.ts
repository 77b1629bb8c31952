import type { apiTokens } from '../../db/schema/index.ts';

/** A token as its owner sees it: never the secret or its hash, only the prefix to tell tokens apart. */
export function apiTokenView(t: typeof apiTokens.$inferSelect) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}
