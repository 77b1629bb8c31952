import { Stack } from '@mantine/core';
import { CHAT_DEPARTMENT_TITLES, type ChatSide } from '@remed/core';
import { useState } from 'react';
import { type ChatScope, flattenMessages, scopeSide, useMessages } from './api.ts';
import { Composer } from './Composer.tsx';
import { ConversationHeader } from './ConversationHeader.tsx';
import { ConversationSearch } from './ConversationSearch.tsx';
import { MessageLog } from './MessageLog.tsx';
import { useMarkRead } from './useMarkRead.ts';

const otherSide = (side: ChatSide): ChatSide => (side === 'clinic' ? 'service' : 'clinic');

/** One thread: history that loads older messages on scroll up, the live feed, and the message form. */
export function Conversation({
  scope,
  threadId,
  title,
  onBack,
}: {
  scope: ChatScope;
  threadId: string;
  title?: string;
  onBack?: () => void;
}) {
  const messagesQuery = useMessages(scope, threadId);
  const messages = flattenMessages(messagesQuery.data);
  const thread = messagesQuery.data?.pages[0]?.thread;
  const side = scopeSide(scope);
  const [searching, setSearching] = useState(false);
  useMarkRead(scope, threadId, thread, messages.at(-1), side);

  const heading = thread
    ? `${CHAT_DEPARTMENT_TITLES[thread.department]}${scope.kind === 'console' ? ` · ${thread.clinic.name}` : ''}`
    : (title ?? 'Переписка');

  return (
    <Stack gap={0} h="100%" data-testid="chat-conversation">
      <ConversationHeader
        heading={heading}
        searching={searching}
        onToggleSearch={() => setSearching(!searching)}
        onBack={onBack}
      />
      {searching && <ConversationSearch scope={scope} threadId={threadId} side={side} />}
      <MessageLog
        scope={scope}
        query={messagesQuery}
        messages={messages}
        side={side}
        theirRead={thread?.readUpTo[otherSide(side)] ?? 0}
        hidden={searching}
      />
      {thread && <Composer scope={scope} thread={thread} />}
    </Stack>
  );
}
