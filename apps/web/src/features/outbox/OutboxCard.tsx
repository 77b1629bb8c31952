import { Anchor, Badge, Card, Group, Spoiler, Stack, Text } from '@mantine/core';
import type { OutboxMessage } from '@remed/core';
import { IconMail, IconMessage, IconPaperclip } from '@tabler/icons-react';
import { formatBytes, formatDateTime } from '../../app/format.ts';

const STATUS: Record<OutboxMessage['status'], { label: string; color: string }> = {
  pending: { label: 'В очереди', color: 'yellow' },
  sending: { label: 'Отправляется', color: 'orange' },
  sent: { label: 'Отправлено', color: 'teal' },
  demo: { label: 'Демо: не отправлялось', color: 'blue' },
  failed: { label: 'Ошибка отправки', color: 'red' },
};

export function OutboxCard({ message: m }: { message: OutboxMessage }) {
  const status = STATUS[m.status];
  return (
    <Card withBorder padding="md" data-testid="outbox-message">
      <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          {m.channel === 'email' ? (
            <IconMail size={18} aria-label="Письмо" />
          ) : (
            <IconMessage size={18} aria-label="SMS" />
          )}
          <Text fw={600} style={{ wordBreak: 'break-all' }}>
            {m.recipient}
          </Text>
        </Group>
        <Group gap="xs">
          <Badge color={status.color} variant="light" style={{ textTransform: 'none' }}>
            {status.label}
          </Badge>
          <Text size="xs" c="dimmed">
            {formatDateTime(m.createdAt)}
          </Text>
        </Group>
      </Group>
      {m.subject && <Text fw={600}>{m.subject}</Text>}
      <Spoiler maxHeight={72} showLabel="Показать полностью" hideLabel="Свернуть">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {m.body}
        </Text>
      </Spoiler>
      {m.lastError && (
        <Text size="sm" c="red" mt="xs">
          Ошибка: {m.lastError} (попыток: {m.attempts})
        </Text>
      )}
      {m.attachments.length > 0 && (
        <Stack gap={4} mt="sm">
          {m.attachments.map((a, n) => (
            <Anchor
              key={`${a.filename}-${String(n)}`}
              href={`/api/admin/outbox/${m.id}/attachments/${n}`}
              download={a.filename}
              size="sm"
            >
              <Group gap={4} wrap="nowrap">
                <IconPaperclip size={14} aria-hidden />
                {a.filename} ({formatBytes(a.size)})
              </Group>
            </Anchor>
          ))}
        </Stack>
      )}
    </Card>
  );
}
