import { Stack, Text, UnstyledButton } from '@mantine/core';
import type { NotificationView } from '@remed/core';
import { formatDateTime } from '../../app/format.ts';

/** Notices, newest first; an unread one stands out, and opening it marks it read. */
export function NotificationItems({
  items,
  onOpen,
}: {
  items: NotificationView[];
  onOpen: (n: NotificationView) => void;
}) {
  if (!items.length)
    return (
      <Text size="sm" c="dimmed" p="sm" data-testid="notifications-empty">
        Уведомлений пока нет. Здесь появятся новости о ваших чеках и выплатах.
      </Text>
    );
  return (
    <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((n) => (
        <li key={n.id}>
          <UnstyledButton
            onClick={() => onOpen(n)}
            w="100%"
            p="xs"
            style={{
              borderRadius: 8,
              borderLeft: `3px solid ${n.read ? 'transparent' : 'var(--mantine-color-teal-6)'}`,
              background: n.read ? undefined : 'var(--mantine-color-teal-0)',
            }}
            data-testid="notification"
            data-read={n.read}
          >
            <Text size="sm" fw={n.read ? 500 : 700}>
              {n.title}
            </Text>
            <Text size="sm" c="dark.5" lineClamp={3}>
              {n.body}
            </Text>
            <Text size="xs" c="dimmed" mt={2}>
              {formatDateTime(n.createdAt)}
            </Text>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}
