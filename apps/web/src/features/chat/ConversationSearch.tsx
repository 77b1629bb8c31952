import { Box, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ChatSide } from '@remed/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { type ChatScope, useMessageSearch } from './api.ts';
import { MessageBubble } from './MessageBubble.tsx';

function SearchResults({
  scope,
  threadId,
  q,
  side,
}: {
  scope: ChatScope;
  threadId: string;
  q: string;
  side: ChatSide;
}) {
  const found = useMessageSearch(scope, threadId, q);
  if (q.length < 2)
    return (
      <Text c="dimmed" ta="center" py="xl" size="sm">
        Введите хотя бы два символа
      </Text>
    );
  if (found.isError) return <QueryError error={found.error} retry={() => found.refetch()} />;
  if (found.isPending)
    return (
      <Group justify="center" py="xl">
        <Loader size="sm" />
      </Group>
    );
  return (
    <Stack gap="xs" data-testid="chat-search-results">
      <Text size="sm" c="dimmed" ta="center">
        {found.data.messages.length
          ? `Найдено: ${found.data.messages.length}${found.data.hasMore ? '+' : ''}`
          : 'Ничего не нашлось'}
      </Text>
      {found.data.messages.map((m) => (
        <MessageBubble key={m.id} scope={scope} message={m} mine={m.side === side} read={false} />
      ))}
    </Stack>
  );
}

/** Search in one thread's history: the words, then what matched in place of the conversation. */
export function ConversationSearch({
  scope,
  threadId,
  side,
}: {
  scope: ChatScope;
  threadId: string;
  side: ChatSide;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  return (
    <>
      <TextInput
        mt="xs"
        aria-label="Искать в переписке"
        placeholder="Слово или номер, например номер счёта"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        leftSection={<IconSearch size={16} />}
        autoFocus
        data-testid="chat-search"
      />
      <Box style={{ flex: 1, overflowY: 'auto', minHeight: 0 }} py="sm" px={4}>
        <SearchResults scope={scope} threadId={threadId} q={q} side={side} />
      </Box>
    </>
  );
}
