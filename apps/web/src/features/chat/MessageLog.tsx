import { Box, Button, Group, Loader, Stack, Text } from '@mantine/core';
import type { ChatMessageView, ChatSide } from '@remed/core';
import { QueryError } from '../../app/errors/QueryError.tsx';
import type { ChatScope, useMessages } from './api.ts';
import { MessageBubble } from './MessageBubble.tsx';
import { useScrollAnchor } from './useScrollAnchor.ts';

/** The thread's history, oldest on top; scrolling up to the top loads the messages before. */
export function MessageLog({
  scope,
  query,
  messages,
  side,
  theirRead,
  hidden,
}: {
  scope: ChatScope;
  query: ReturnType<typeof useMessages>;
  messages: ChatMessageView[];
  side: ChatSide;
  /** The other side has read every message up to this one. */
  theirRead: number;
  /** Kept mounted while a search is shown, so the reader comes back to the same place. */
  hidden: boolean;
}) {
  const { hasNextPage, isFetchingNextPage } = query;
  const { scroller, loadOlder } = useScrollAnchor(messages, side, query);
  return (
    <Box
      ref={scroller}
      display={hidden ? 'none' : undefined}
      onScroll={(e) => e.currentTarget.scrollTop < 80 && loadOlder()}
      style={{ flex: 1, overflowY: 'auto', minHeight: 0 }}
      py="sm"
      px={4}
      role="log"
      aria-live="polite"
      aria-label="Сообщения"
      tabIndex={0}
    >
      {query.isError ? (
        <QueryError error={query.error} retry={() => query.refetch()} />
      ) : query.isPending ? (
        <Group justify="center" py="xl">
          <Loader size="sm" />
        </Group>
      ) : (
        <Stack gap="xs">
          {hasNextPage && (
            <Group justify="center">
              <Button variant="subtle" size="xs" onClick={loadOlder} loading={isFetchingNextPage}>
                Показать более ранние
              </Button>
            </Group>
          )}
          {messages.length === 0 && (
            <Text c="dimmed" ta="center" py="xl" size="sm">
              {scope.kind === 'clinic'
                ? 'Сообщений пока нет. Опишите вопрос — сотрудник отдела ответит здесь, а если вы будете не в кабинете, мы пришлём письмо.'
                : 'Сообщений пока нет.'}
            </Text>
          )}
          {messages.map((m) => (
            <MessageBubble
              key={m.id}
              scope={scope}
              message={m}
              mine={m.side === side}
              read={m.seq <= theirRead}
            />
          ))}
        </Stack>
      )}
    </Box>
  );
}
