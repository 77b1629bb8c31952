import type { ChatMessageView, ChatSide } from '@remed/core';
import { useLayoutEffect, useRef } from 'react';

interface OlderPages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * Where the history scrolls: to the newest message when one arrives (if the reader was near the bottom or wrote
 * it), and nowhere when older messages go on top, so that what the reader was looking at stays in place.
 */
export function useScrollAnchor(messages: ChatMessageView[], side: ChatSide, older: OlderPages) {
  const scroller = useRef<HTMLDivElement>(null);
  const before = useRef<{ height: number; top: number; firstId?: string } | null>(null);
  const lastId = useRef<string | undefined>(undefined);
  const firstMessageId = messages[0]?.id;
  const lastMessage = messages.at(-1);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const saved = before.current;
    if (saved && saved.firstId !== firstMessageId) {
      el.scrollTop = saved.top + (el.scrollHeight - saved.height);
      before.current = null;
      return;
    }
    if (lastMessage?.id !== lastId.current) {
      const nearBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 160;
      if (lastId.current === undefined || nearBottom || lastMessage?.side === side)
        el.scrollTop = el.scrollHeight;
      lastId.current = lastMessage?.id;
    }
  }, [firstMessageId, lastMessage?.id, lastMessage?.side, side]);

  const loadOlder = () => {
    const el = scroller.current;
    if (!el || !older.hasNextPage || older.isFetchingNextPage) return;
    before.current = { height: el.scrollHeight, top: el.scrollTop, firstId: firstMessageId };
    older.fetchNextPage();
  };

  return { scroller, loadOlder };
}
