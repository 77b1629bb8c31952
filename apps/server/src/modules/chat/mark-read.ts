import type { ChatSide, ChatThreadView } from '@remed/core';
import { sql } from 'drizzle-orm';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { type ChatSeat, threadIn, viewerIn } from './chat-access.ts';
import { publishChatEvent } from './chat-events.ts';
import { advanceReadMarker, threadView } from './chat-threads.queries.ts';

/** Marks the thread read up to message `seq` (never back); the other side sees how far its side has read. */
export async function markRead(
  deps: Pick<AppDeps, 'database' | 'clock' | 'pubsub'>,
  actor: Actor,
  seat: ChatSeat,
  threadId: string,
  seq: number,
): Promise<ChatThreadView> {
  const db = deps.database.db;
  const viewer = viewerIn(actor, seat);
  const thread = await threadIn(db, seat, threadId);
  const upTo = Math.min(seq, thread.lastMessageSeq ?? 0);
  if (upTo > 0)
    await db.transaction(async (tx) => {
      const moved = await advanceReadMarker(tx, {
        ...viewer,
        threadId: thread.id,
        seq: upTo,
        at: deps.clock.now(),
      });
      if (moved)
        await publishChatEvent(deps.pubsub, tx, {
          t: 'read',
          clinicId: thread.clinicId,
          threadId: thread.id,
          userId: viewer.userId,
          side: viewer.side,
          seq: await sideReadUpTo(tx, thread.id, viewer.side),
        });
    });
  return threadView(db, viewer, thread.id);
}

/** The furthest any user of one side has read a thread. */
async function sideReadUpTo(db: DbOrTx, threadId: string, side: ChatSide): Promise<number> {
  const [row] = await sqlRows<{ n: string | number }>(
    db,
    sql`select coalesce(max(last_read_seq), 0) as n from chat_read_markers where thread_id = ${threadId} and side = ${side}`,
  );
  return Number(row?.n ?? 0);
}
