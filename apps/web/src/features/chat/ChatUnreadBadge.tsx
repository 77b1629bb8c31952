import type { SessionUser } from '@remed/core';
import { useMyChatScope, useUnread } from './api.ts';
import { UnreadBadge } from './ThreadList.tsx';

/** The navigation's count of unread chat messages: the current clinic's for its people, all for staff. */
export function ChatUnreadBadge({ user }: { user: SessionUser }) {
  const scope = useMyChatScope(user);
  const unread = useUnread(scope);
  const n = unread.data?.total ?? 0;
  if (!n) return null;
  return (
    <span data-testid="chat-unread-badge">
      <UnreadBadge n={n} label="Непрочитанных сообщений" />
    </span>
  );
}
