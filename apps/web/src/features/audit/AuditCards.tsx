import { Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../app/format.ts';
import { type AuditListProps, Json } from './AuditTable.tsx';
import { ACTION_LABELS, entityLabel } from './actions.ts';

/** The phone layout of the log: one card per entry, details unfold below it. */
export function AuditCards({ entries, loading, open, toggle }: AuditListProps) {
  return (
    <Stack gap="sm" data-testid="audit-table">
      {loading && Array.from({ length: 4 }, (_, i) => <Skeleton key={String(i)} h={100} />)}
      {entries?.length === 0 && (
        <Text c="dimmed" ta="center" py="md">
          Записей нет. Измените фильтры.
        </Text>
      )}
      {entries?.map((e) => {
        const expanded = open.has(e.id);
        return (
          <Card key={e.id} withBorder padding="sm" data-testid="audit-row" data-action={e.action}>
            <Group justify="space-between" gap="xs">
              <Text fw={600} size="sm">
                {ACTION_LABELS[e.action] ?? e.action}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at)}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" ff="monospace">
              {e.action}
            </Text>
            <Text size="sm" mt={4}>
              {e.actorName ?? 'Система'} → {entityLabel(e.entityType)}
            </Text>
            {e.entityId && (
              <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {e.entityId}
              </Text>
            )}
            {(e.before != null || e.after != null) && (
              <Button
                variant="subtle"
                size="compact-sm"
                mt={4}
                onClick={() => toggle(e.id)}
                aria-expanded={expanded}
                style={{ alignSelf: 'flex-start' }}
              >
                {expanded ? 'Скрыть подробности' : 'Показать подробности'}
              </Button>
            )}
            {expanded && (
              <Stack gap="xs" mt="xs">
                <Json title="Было" value={e.before} />
                <Json title="Стало" value={e.after} />
              </Stack>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}
