import { Button, Group, Skeleton, Stack, Title } from '@mantine/core';
import type { NotificationView } from '@remed/core';
import { useNavigate } from 'react-router';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { useMarkRead, useNotifications } from './api.ts';
import { NotificationItems } from './NotificationList.tsx';

export function NotificationsPage() {
  const list = useNotifications(100);
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const open = (n: NotificationView) => {
    if (!n.read) markRead.mutate([n.id]);
    if (n.link) navigate(n.link);
  };
  return (
    <Stack gap="md" maw={720} data-testid="page-notifications">
      <Group justify="space-between">
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Уведомления
        </Title>
        {(list.data?.unread ?? 0) > 0 && (
          <Button variant="light" onClick={() => markRead.mutate(undefined)} loading={markRead.isPending}>
            Прочитать все
          </Button>
        )}
      </Group>
      {list.isError && <QueryError error={list.error} retry={() => list.refetch()} />}
      {list.isPending && <Skeleton h={200} />}
      {list.data && <NotificationItems items={list.data.items} onOpen={open} />}
    </Stack>
  );
}
