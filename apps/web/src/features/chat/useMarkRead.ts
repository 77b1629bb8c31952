import type { ChatMessageView, ChatSide, ChatThreadView } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { type ChatScope, chatKeys, markRead } from './api.ts';

/** Shown on screen means read: the marker moves to the newest message while the page is visible. */
export function useMarkRead(
  scope: ChatScope,
  threadId: string,
  thread: ChatThreadView | undefined,
  lastMessage: ChatMessageView | undefined,
  side: ChatSide,
) {
  const qc = useQueryClient();
  const marked = useRef(0);
  useEffect(() => {
    const seq = lastMessage?.seq ?? 0;
    // Messages that came over the socket are not in the cached count: the other side's last word is news.
    const news = !!thread && (thread.unread > 0 || lastMessage?.side !== side);
    if (!news || seq <= marked.current) return;
    const mark = () => {
      if (document.visibilityState !== 'visible' || seq <= marked.current) return;
      marked.current = seq;
      markRead(scope, threadId, seq)
        .then(() => {
          qc.invalidateQueries({ queryKey: chatKeys.threads(scope) });
          qc.invalidateQueries({ queryKey: chatKeys.unread(scope) });
        })
        .catch(() => {
          marked.current = 0;
        });
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [lastMessage?.seq, lastMessage?.side, side, thread, scope, threadId, qc]);
}
