import type { NotificationList } from '@remed/core';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';

/** A person's own notices: read them, mark them read. Nobody reads another person's notices. */
export function notificationsService(deps: AppDeps) {
  const db = deps.database.db;
  return {
    async list(actor: Actor, limit: number): Promise<NotificationList> {
      const userId = actor.user!.id;
      const rows = await db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(desc(notifications.seq))
        .limit(limit);
      const [count] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return {
        unread: count?.n ?? 0,
        items: rows.map((r) => ({
          id: r.id,
          title: r.title,
          body: r.body,
          link: r.link,
          createdAt: r.createdAt.toISOString(),
          read: r.readAt !== null,
        })),
      };
    },

    /** Marks the given notices (or all) read; someone else's ids are simply not matched. */
    async markRead(actor: Actor, ids: string[] | undefined) {
      const userId = actor.user!.id;
      await db
        .update(notifications)
        .set({ readAt: deps.clock.now() })
        .where(
          and(
            eq(notifications.userId, userId),
            isNull(notifications.readAt),
            ids
              ? inArray(notifications.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000'])
              : undefined,
          ),
        );
    },
  };
}

export type NotificationsService = ReturnType<typeof notificationsService>;
