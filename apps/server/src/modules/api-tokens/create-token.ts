import { apiTokens } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { sha256 } from '../../platform/ids.ts';
import { apiTokenView } from './api-token-view.ts';

/** A personal API token for an integration: the secret is returned this once and stored only as SHA-256. */
export async function createToken(
  deps: Pick<AppDeps, 'database' | 'clock' | 'ids'>,
  actor: Actor,
  name: string,
) {
  const { clock, ids } = deps;
  const secret = `rmd_${ids.secret(32)}`;
  const id = ids.uuid();
  return deps.database.db.transaction(async (tx) => {
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
    return { token: apiTokenView(row!), secret };
  });
}
