import { Box, Group, Paper, Text } from '@mantine/core';
import type { ChatMessageView } from '@remed/core';
import { IconCheck, IconChecks } from '@tabler/icons-react';
import { formatDateTime } from '../../app/format.ts';
import type { ChatScope } from './api.ts';
import { MessageAttachments } from './MessageAttachments.tsx';

/** One message: one's own on the right with its read mark, the other side's on the left with the author. */
export function MessageBubble({
  scope,
  message,
  mine,
  read,
}: {
  scope: ChatScope;
  message: ChatMessageView;
  mine: boolean;
  read: boolean;
}) {
  const who = message.side === 'service' ? `${message.author.name} · сервис` : message.author.name;
  return (
    <Box
      style={{ alignSelf: mine ? 'flex-end' : 'flex-start', maxWidth: 'min(85%, 560px)' }}
      data-testid="chat-message"
      data-side={message.side}
    >
      <Paper
        px="sm"
        py={6}
        radius="md"
        bg={mine ? 'teal.0' : 'gray.0'}
        withBorder
        style={{ borderColor: mine ? 'var(--mantine-color-teal-2)' : undefined }}
      >
        {!mine && (
          <Text size="xs" fw={600} c="teal.9">
            {who}
          </Text>
        )}
        {message.body && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {message.body}
          </Text>
        )}
        <MessageAttachments scope={scope} message={message} />
        <Group gap={4} justify="flex-end" mt={2}>
          <Text size="xs" c="dimmed">
            {formatDateTime(message.createdAt)}
          </Text>
          {mine &&
            (read ? (
              <IconChecks size={14} color="var(--mantine-color-teal-7)" aria-label="Прочитано" />
            ) : (
              <IconCheck size={14} color="var(--mantine-color-gray-6)" aria-label="Доставлено" />
            ))}
        </Group>
      </Paper>
    </Box>
  );
}
