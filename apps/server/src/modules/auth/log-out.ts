import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { sha256 } from '../../platform/ids.ts';

/** Ends the session of this cookie; an unknown one is already over, so it is not an error. */
export async function logOut(deps: AppDeps, actor: Actor, token: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(sessions)
      .where(eq(sessions.id, sha256(token)))
      .returning({ userId: sessions.userId });
    if (deleted[0])
      await writeAudit(tx, deps.clock, actor, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: deleted[0].userId,
      });
  });
}
