import type { NotificationList } from '@remed/core';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';

/** A person's own notices, newest first, and how many are unread. Nobody reads another person's notices. */
export async function listNotifications(
  deps: Pick<AppDeps, 'database'>,
  actor: Actor,
  limit: number,
): Promise<NotificationList> {
  const db = deps.database.db;
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
}
