import { desc, eq } from 'drizzle-orm';
import { apiTokens } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { apiTokenView } from './api-token-view.ts';

/** The user's own API tokens, newest first, revoked ones included. */
export async function listTokens(deps: Pick<AppDeps, 'database'>, actor: Actor) {
  const rows = await deps.database.db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, actor.user!.id))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(apiTokenView);
}
