import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { type ClinicRatingView, ruDate } from '@remed/core';
import { formatDateTime } from '../../app/format.ts';
import { decimal } from './api.ts';

/** The rating out of 10, the clinic's place, when it was computed, and how it went day by day. */
export function RatingScore({ view }: { view: ClinicRatingView }) {
  if (view.rating === null)
    return (
      <Card withBorder padding="lg" data-testid="rating-score">
        <Text fw={600}>Рейтинг ещё не рассчитан</Text>
        <Text size="sm" c="dimmed">
          Рейтинг пересчитывается каждую ночь и после новых оценок, жалоб и чеков. Загляните позже.
        </Text>
      </Card>
    );
  return (
    <Card withBorder padding="lg" data-testid="rating-score">
      <Group gap="xl" align="center" wrap="wrap">
        <Stack gap={0}>
          <Text c="dimmed" size="sm">
            Рейтинг
          </Text>
          <Text fz={48} fw={700} lh={1} data-testid="rating-value">
            {decimal(view.rating)}
          </Text>
          <Text size="sm" c="dimmed">
            из 10
          </Text>
        </Stack>
        <Stack gap={4}>
          <Badge size="xl" variant="light" style={{ textTransform: 'none' }} data-testid="rating-place">
            {view.place}-е место из {view.of}
          </Badge>
          <Text size="sm" c="dimmed">
            Обновлено {formatDateTime(view.computedAt)}. Пересчитывается каждую ночь и в течение минуты после
            новых оценок, жалоб, чеков и изменения кэшбэка.
          </Text>
        </Stack>
      </Group>
      {view.history.length > 1 && (
        <LineChart
          mt="md"
          h={160}
          data={view.history.map((h) => ({ day: ruDate(h.day).slice(0, 5), rating: h.rating }))}
          dataKey="day"
          series={[{ name: 'rating', label: 'Рейтинг', color: 'teal.7' }]}
          yAxisProps={{ domain: [0, 10] }}
          curveType="monotone"
          withDots={false}
          aria-label="Изменение рейтинга по дням"
        />
      )}
    </Card>
  );
}
