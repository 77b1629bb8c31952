import { Badge, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';
import { REQUEST_STATUS, useMyRequests } from './api.ts';
import { RequestWords } from './RequestWords.tsx';

export function MyRequests() {
  const requests = useMyRequests();
  if (requests.isError) return <QueryError error={requests.error} retry={() => requests.refetch()} />;
  if (requests.isPending) return <Skeleton h={100} />;
  if (requests.data.length === 0)
    return (
      <Text c="dimmed" fz="md">
        Обращений пока нет.
      </Text>
    );
  return (
    <Stack gap="sm" data-testid="my-requests">
      {requests.data.map((r) => {
        const status = REQUEST_STATUS[r.status];
        return (
          <Card key={r.id} withBorder padding="md" data-testid="my-request">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="sm" c="dimmed">
                {formatDateTime(r.createdAt)} · {r.channel === 'phone' ? 'по телефону' : 'в приложении'}
              </Text>
              <Badge color={status.color} variant="light" size="lg" style={{ textTransform: 'none' }}>
                {status.label}
              </Badge>
            </Group>
            <RequestWords complaint={r.complaint} answers={r.answers} complaintSize="md" gap={6} />
            <Text size="sm" mt={6}>
              {status.hint}
            </Text>
          </Card>
        );
      })}
    </Stack>
  );
}
