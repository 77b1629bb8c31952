import { ActionIcon, Anchor, Group, Indicator, Popover, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { NotificationView } from '@remed/core';
import { IconBell } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useMarkRead, useNotifications } from './api.ts';
import { NotificationItems } from './NotificationList.tsx';

const unreadLabel = (n: number) => (n === 0 ? 'Уведомления' : `Уведомления: новых ${n}`);

export function NotificationBell() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const list = useNotifications(10);
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const unread = list.data?.unread ?? 0;
  const open = (n: NotificationView) => {
    if (!n.read) markRead.mutate([n.id]);
    close();
    if (n.link) navigate(n.link);
  };
  return (
    <Popover opened={opened} onChange={(o) => !o && close()} position="bottom-end" width={340} shadow="md">
      <Popover.Target>
        <Indicator
          label={unread > 9 ? '9+' : unread}
          disabled={unread === 0}
          size={18}
          color="red"
          offset={4}
          data-testid="notifications-badge"
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={toggle}
            aria-label={unreadLabel(unread)}
            data-testid="notifications-bell"
          >
            <IconBell size={22} stroke={1.7} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs" data-testid="notifications-popover">
        <Group justify="space-between" px="xs" pb={4}>
          <Text fw={700} size="sm">
            Уведомления
          </Text>
          {unread > 0 && (
            <Anchor component="button" size="xs" onClick={() => markRead.mutate(undefined)}>
              Прочитать все
            </Anchor>
          )}
        </Group>
        <ScrollArea.Autosize mah={420}>
          <NotificationItems items={list.data?.items ?? []} onOpen={open} />
        </ScrollArea.Autosize>
        <Anchor
          component={Link}
          to="/notifications"
          size="sm"
          onClick={close}
          display="block"
          ta="center"
          mt={6}
        >
          Все уведомления
        </Anchor>
      </Popover.Dropdown>
    </Popover>
  );
}
