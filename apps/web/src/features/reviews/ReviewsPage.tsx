import { Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { formatRub } from '@remed/core';
import { Link } from 'react-router';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';
import { receiptTime } from '../claims/ClaimPage.tsx';
import { reasonText, useReviews } from './api.ts';

export function ReviewsPage() {
  const reviews = useReviews();
  const sorted = reviews.data ? [...reviews.data].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) : [];
  return (
    <Stack gap="md" maw={960} data-testid="page-reviews">
      <Stack gap={4}>
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Ручная проверка чеков
        </Title>
        <Text c="dimmed">
          Чеки, которые автоматическая сверка не смогла решить сама. Сравните позиции чека с гарантийным
          письмом и примите решение с причиной.
        </Text>
      </Stack>
      {reviews.isError && <QueryError error={reviews.error} retry={() => reviews.refetch()} />}
      {reviews.isPending && <Skeleton h={120} />}
      {reviews.data && sorted.length === 0 && (
        <Text c="dimmed" ta="center" py="xl" data-testid="reviews-empty">
          Чеков на проверке нет.
        </Text>
      )}
      {sorted.map((c) => (
        <Card key={c.id} withBorder padding="md" data-testid="review-row">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text fw={700}>
                Чек на {formatRub(c.sum)} · {c.clinicName}
              </Text>
              <Text size="sm" c="dimmed">
                Письмо {c.letterNumber} · чек от {receiptTime(c.dateTime)} · получен{' '}
                {formatDateTime(c.createdAt)}
              </Text>
            </div>
            <Button
              component={Link}
              to={`/console/reviews/${c.id}`}
              aria-label={`Проверить чек ${c.receipt}`}
            >
              Проверить
            </Button>
          </Group>
          <Group gap={6} mt="xs">
            {c.reasons.map((r) => (
              <Badge key={r} color="yellow" variant="light" style={{ textTransform: 'none' }}>
                {reasonText(r)}
              </Badge>
            ))}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
