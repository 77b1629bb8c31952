import { and, eq, inArray, isNull } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';

/** Marks the given notices (or all) read; someone else's ids are simply not matched. */
export async function markRead(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor,
  ids: string[] | undefined,
) {
  await deps.database.db
    .update(notifications)
    .set({ readAt: deps.clock.now() })
    .where(
      and(
        eq(notifications.userId, actor.user!.id),
        isNull(notifications.readAt),
        ids
          ? inArray(notifications.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000'])
          : undefined,
      ),
    );
}
