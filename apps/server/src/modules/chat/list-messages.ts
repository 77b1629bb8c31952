import type { ChatMessagesPage } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { type ChatSeat, threadIn, viewerIn } from './chat-access.ts';
import { loadMessages } from './chat-messages.queries.ts';
import { threadView } from './chat-threads.queries.ts';

/** A page of a thread's history (older than `before`, or found by text) with the thread as the viewer sees it. */
export async function listMessages(
  deps: Pick<AppDeps, 'database'>,
  actor: Actor,
  seat: ChatSeat,
  threadId: string,
  query: { before?: number | undefined; limit: number; q?: string | undefined },
): Promise<ChatMessagesPage> {
  const db = deps.database.db;
  const viewer = viewerIn(actor, seat);
  const thread = await threadIn(db, seat, threadId);
  const { messages, hasMore } = await loadMessages(db, thread.id, query);
  return { thread: await threadView(db, viewer, thread.id), messages, hasMore };
}
