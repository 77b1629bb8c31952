import { Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { formatRub } from '@remed/core';
import { Link } from 'react-router';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { receiptTime } from '../claims/ClaimPage.tsx';
import { useReviews } from './api.ts';
import { ReasonBadges } from './ReasonBadges.tsx';

export function ReviewsPage() {
  const reviews = useReviews();
  const sorted = reviews.data ? [...reviews.data].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) : [];
  return (
    <Stack gap="md" maw={960} data-testid="page-reviews">
      <PageHeader title="Ручная проверка чеков">
        Чеки, которые автоматическая сверка не смогла решить сама. Сравните позиции чека с гарантийным письмом
        и примите решение с причиной.
      </PageHeader>
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
          <ReasonBadges reasons={c.reasons} variant="light" mt="xs" />
        </Card>
      ))}
    </Stack>
  );
}
