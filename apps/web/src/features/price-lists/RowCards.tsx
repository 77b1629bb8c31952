import { Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { RowForm } from './RowForm.tsx';
import { Price, RowActions, RowIssues, type RowListProps, type RowProps, rowBg } from './RowParts.tsx';

function RowCard({ row: r, editable, edit }: RowProps) {
  return (
    <Stack gap={2}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="xs" c="dimmed">
          Строка {r.line} · {r.clinicCode} · {r.serviceCode}
        </Text>
        {editable && <RowActions row={r} edit={edit} />}
      </Group>
      <Text size="sm">{r.name}</Text>
      <Text size="sm" fw={600}>
        <Price row={r} />
      </Text>
      {r.note && (
        <Text size="xs" c="dimmed">
          {r.note}
        </Text>
      )}
      <RowIssues row={r} />
    </Stack>
  );
}

/** The rows as cards, for a phone: a table of seven columns would not fit. */
export function RowCards({ clinicId, versionId, items, pending, empty, editable, edit }: RowListProps) {
  return (
    <Stack gap="sm" data-testid="rows-table">
      {edit.editing === 'new' && (
        <Card withBorder padding="sm">
          <RowForm clinicId={clinicId} versionId={versionId} row={null} onDone={edit.done} />
        </Card>
      )}
      {pending && <Skeleton h={80} />}
      {items?.length === 0 && (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      )}
      {items?.map((r) => (
        <Card key={r.id} withBorder padding="sm" data-testid="price-row" data-line={r.line} bg={rowBg(r)}>
          {edit.editing === r.id ? (
            <RowForm clinicId={clinicId} versionId={versionId} row={r} onDone={edit.done} />
          ) : (
            <RowCard row={r} editable={editable} edit={edit} />
          )}
        </Card>
      ))}
    </Stack>
  );
}
