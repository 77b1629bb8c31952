import { Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { VIEW_RECORD_LABELS } from '@remed/core';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useMyViews } from './api.ts';

/** «Кто смотрел мои данные»: every time someone other than the person opened their medical records. */
export function MyViewsSection() {
  const views = useMyViews();
  const items = views.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm" data-testid="my-views">
      <Title order={2} size="h3">
        Кто смотрел мои данные
      </Title>
      <Text size="sm" c="dimmed">
        Каждый раз, когда врач пульта, сотрудник клиники, страховой компании или администратор открывает ваши
        гарантийные письма, обращения или чеки, мы записываем, кто это был и зачем.
      </Text>
      {views.isError ? (
        <QueryError error={views.error} retry={() => views.refetch()} />
      ) : views.isPending ? (
        <Skeleton h={120} />
      ) : items.length ? (
        <>
          {items.map((v) => (
            <Card withBorder key={v.id} padding="sm" data-testid="my-view">
              <Group justify="space-between" wrap="wrap" gap={4}>
                <Text fw={600}>{v.viewerName}</Text>
                <Text size="sm" c="dimmed">
                  {formatDateTime(v.at)}
                </Text>
              </Group>
              <Text size="sm">
                {v.viewerRole}
                {v.organisation ? `, ${v.organisation}` : ''}
              </Text>
              <Text size="sm">
                {VIEW_RECORD_LABELS[v.recordType]}
                {v.recordLabel ? ` ${v.recordLabel}` : ''} — {v.purpose.toLowerCase()}
              </Text>
            </Card>
          ))}
          {views.hasNextPage && (
            <Button
              variant="default"
              onClick={() => views.fetchNextPage()}
              loading={views.isFetchingNextPage}
            >
              Показать ещё
            </Button>
          )}
        </>
      ) : (
        <Text c="dimmed">Пока никто, кроме вас, ваши медицинские данные не открывал.</Text>
      )}
    </Stack>
  );
}
