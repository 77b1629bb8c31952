import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { CHAT_DEPARTMENT_TITLES, type ChatDepartment, type ChatThreadView } from '@remed/core';
import { formatDateTime } from '../../app/format.ts';

export interface ThreadItem {
  key: string;
  department: ChatDepartment;
  /** The clinic's name, shown in the console where threads of many clinics meet. */
  clinicName?: string;
  thread: ChatThreadView | null;
}

export function UnreadBadge({ n, label }: { n: number; label?: string }) {
  if (n <= 0) return null;
  return (
    <Badge
      size="sm"
      color="red"
      variant="filled"
      circle={n < 10}
      aria-label={`${label ?? 'Непрочитанных'}: ${n}`}
      data-testid="thread-unread"
    >
      {n > 99 ? '99+' : n}
    </Badge>
  );
}

function ThreadRow({ item, active, onOpen }: { item: ThreadItem; active: boolean; onOpen: () => void }) {
  const t = item.thread;
  const unread = t?.unread ?? 0;
  const last = t?.lastMessage;
  return (
    <UnstyledButton
      onClick={onOpen}
      aria-current={active ? 'true' : undefined}
      data-testid="chat-thread"
      data-department={item.department}
      p="sm"
      style={{
        borderRadius: 'var(--mantine-radius-md)',
        background: active ? 'var(--mantine-color-teal-light)' : undefined,
        border: '1px solid var(--mantine-color-gray-3)',
      }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          {item.clinicName && (
            <Text size="xs" c="dimmed" truncate>
              {item.clinicName}
            </Text>
          )}
          <Text fw={unread ? 700 : 600} size="sm">
            {CHAT_DEPARTMENT_TITLES[item.department]}
          </Text>
          <Text size="sm" c={unread ? undefined : 'dimmed'} fw={unread ? 600 : 400} lineClamp={2}>
            {last
              ? `${last.side === 'service' ? 'Сервис' : 'Клиника'}: ${last.preview}`
              : 'Сообщений пока нет — напишите первым'}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          {last && (
            <Text size="xs" c="dimmed">
              {formatDateTime(last.at).replace(/\.\d{4},/, ',')}
            </Text>
          )}
          <UnreadBadge n={unread} />
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

export function ThreadList({
  items,
  activeKey,
  onOpen,
}: {
  items: ThreadItem[];
  activeKey: string | null;
  onOpen: (item: ThreadItem) => void;
}) {
  return (
    <Stack gap="xs" component="nav" aria-label="Переписки">
      {items.map((item) => (
        <ThreadRow key={item.key} item={item} active={item.key === activeKey} onOpen={() => onOpen(item)} />
      ))}
    </Stack>
  );
}
