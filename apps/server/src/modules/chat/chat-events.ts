import type { ChatSide } from '@remed/core';
import type { DbOrTx } from '../../db/client.ts';
import type { PubSub } from '../../platform/pubsub.ts';

export const CHAT_CHANNEL = 'remed_chat';

/** What travels through NOTIFY between processes: ids only, each process reads the rest itself. */
export type ChatEvent =
  | { t: 'message'; clinicId: string; threadId: string; messageId: string }
  | { t: 'read'; clinicId: string; threadId: string; userId: string; side: ChatSide; seq: number };

/** Sent when the transaction commits, so no process hears of a message it cannot read yet. */
export const publishChatEvent = (pubsub: PubSub, tx: DbOrTx, event: ChatEvent) =>
  pubsub.publish(tx, CHAT_CHANNEL, event);
