import { Card, Group, Progress, Rating, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ClinicFeedbackView } from '@remed/core';
import { IconStarFilled } from '@tabler/icons-react';
import { formatDateTime, plural } from '../../app/format.ts';
import { decimal } from './api.ts';

/** How many patients gave each number of stars. */
function StarsCard({ ratings }: { ratings: ClinicFeedbackView['ratings'] }) {
  return (
    <Card withBorder padding="md">
      <Text fw={700} mb="xs">
        {ratings.count
          ? `${ratings.count} ${plural(ratings.count, 'оценка', 'оценки', 'оценок')}, средняя ${decimal(ratings.average ?? 0, 2)}`
          : 'Оценок пока нет'}
      </Text>
      <Stack gap={4}>
        {[5, 4, 3, 2, 1].map((stars) => {
          const n = ratings.distribution[stars - 1] ?? 0;
          return (
            <Group key={stars} gap="xs" wrap="nowrap">
              <Group gap={2} w={36} wrap="nowrap">
                <Text size="sm">{stars}</Text>
                <IconStarFilled size={12} aria-hidden />
              </Group>
              <Progress
                value={ratings.count ? (n / ratings.count) * 100 : 0}
                color="yellow"
                style={{ flex: 1 }}
                aria-label={`${stars} звёзд: ${n}`}
              />
              <Text size="sm" w={28} ta="right">
                {n}
              </Text>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}

/** Complaints by outcome only: the clinic sees neither their text nor who made them. */
function ComplaintsCard({ complaints }: { complaints: ClinicFeedbackView['complaints'] }) {
  return (
    <Card withBorder padding="md" data-testid="rating-complaints">
      <Text fw={700} mb="xs">
        Жалобы пациентов: {complaints.total}
      </Text>
      <Stack gap={2}>
        <Text size="sm">Обоснованные: {complaints.justified}</Text>
        <Text size="sm">Необоснованные: {complaints.unjustified}</Text>
        <Text size="sm">На рассмотрении: {complaints.pending}</Text>
      </Stack>
      <Text size="xs" c="dimmed" mt="xs">
        Текст жалоб и имена пациентов клинике не показываются; в рейтинг идут только обоснованные.
      </Text>
    </Card>
  );
}

function CommentsCard({ comments }: { comments: ClinicFeedbackView['comments'] }) {
  return (
    <Card withBorder padding="md">
      <Text fw={700} mb="xs">
        Комментарии пациентов
      </Text>
      {comments.length === 0 ? (
        <Text size="sm" c="dimmed">
          Комментариев пока нет.
        </Text>
      ) : (
        <Stack gap="sm">
          {comments.map((c) => (
            <Stack key={`${c.createdAt}-${c.comment}`} gap={2} data-testid="rating-comment">
              <Group gap="xs">
                <Rating value={c.stars} readOnly size="sm" aria-label={`${c.stars} из 5`} />
                <Text size="xs" c="dimmed">
                  {formatDateTime(c.createdAt)}
                </Text>
              </Group>
              <Text size="sm">{c.comment}</Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** What patients said of the clinic over the last year: stars, complaints and comments. */
export function PatientFeedback({ feedback }: { feedback: ClinicFeedbackView }) {
  return (
    <Stack gap="sm" data-testid="rating-feedback">
      <Title order={2} size="h3">
        Оценки и жалобы за 12 месяцев
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <StarsCard ratings={feedback.ratings} />
        <ComplaintsCard complaints={feedback.complaints} />
      </SimpleGrid>
      <CommentsCard comments={feedback.comments} />
    </Stack>
  );
}
