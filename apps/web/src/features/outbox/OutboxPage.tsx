import { Pagination, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { OutboxMessage } from '@remed/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, queryString } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { OutboxCard } from './OutboxCard.tsx';

const PAGE_SIZE = 20;

export function OutboxPage() {
  const [channel, setChannel] = useState('all');
  const [page, setPage] = useState(1);
  const outbox = useQuery({
    queryKey: ['admin', 'outbox', channel, page],
    queryFn: () =>
      api.get<{ items: OutboxMessage[]; total: number }>(
        `/api/admin/outbox${queryString({
          channel: channel === 'all' ? null : channel,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((outbox.data?.total ?? 0) / PAGE_SIZE));

  return (
    <Stack gap="md" data-testid="page-outbox">
      <Title order={1} fz={{ base: 24, sm: 30 }}>
        Письма и SMS
      </Title>
      <Text c="dimmed" size="sm">
        Всё, что платформа отправила пользователям или отправит в ближайшее время. В демо-режиме сообщения
        никуда не уходят и видны только здесь.
      </Text>
      <SegmentedControl
        value={channel}
        onChange={(v) => {
          setChannel(v);
          setPage(1);
        }}
        data={[
          { value: 'all', label: 'Все' },
          { value: 'email', label: 'Письма' },
          { value: 'sms', label: 'SMS' },
        ]}
        style={{ alignSelf: 'flex-start' }}
        aria-label="Канал"
      />
      {outbox.isError && <QueryError error={outbox.error} retry={() => outbox.refetch()} />}
      {outbox.isPending && Array.from({ length: 3 }, (_, i) => <Skeleton key={String(i)} h={120} />)}
      {outbox.data?.items.length === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          Сообщений пока нет.
        </Text>
      )}
      {outbox.data?.items.map((m) => (
        <OutboxCard key={m.id} message={m} />
      ))}
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
    </Stack>
  );
}
