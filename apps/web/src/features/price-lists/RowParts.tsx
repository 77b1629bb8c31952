import { ActionIcon, Group, Stack, Text, Tooltip } from '@mantine/core';
import { formatRub, type PriceListRowView } from '@remed/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import type { RowEditing } from './useRowEditing.ts';

/** The check's remarks on a row, errors in red and warnings in yellow. */
export function RowIssues({ row }: { row: PriceListRowView }) {
  if (!row.issues.length) return null;
  return (
    <Stack gap={0} mt={4}>
      {row.issues.map((i) => (
        <Text
          key={`${i.column}-${i.message}`}
          size="xs"
          c={i.severity === 'error' ? 'red.8' : 'yellow.9'}
          data-testid="row-issue"
        >
          {i.column}: {i.message}
        </Text>
      ))}
    </Stack>
  );
}

/** Edit and delete buttons of a row in a draft. */
export function RowActions({ row, edit }: { row: PriceListRowView; edit: RowEditing }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label="Изменить строку">
        <ActionIcon
          variant="subtle"
          aria-label={`Изменить строку ${row.line}`}
          data-edit-row={row.id}
          onClick={() => edit.setEditing(row.id)}
        >
          <IconEdit size={18} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Удалить строку">
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={`Удалить строку ${row.line}`}
          loading={edit.deleting === row.id}
          onClick={() => edit.remove(row)}
        >
          <IconTrash size={18} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/** The price in rubles, or the text of the file in red when it is not a price. */
export function Price({ row }: { row: PriceListRowView }) {
  return row.price === null ? (
    <Text span c="red.8" size="sm">
      {row.priceText || '—'}
    </Text>
  ) : (
    formatRub(row.price)
  );
}

/** A row with an error stands out in red. */
export const rowBg = (row: PriceListRowView) =>
  row.issues.some((i) => i.severity === 'error') ? 'red.0' : undefined;

/** What both layouts of the rows (cards on a phone, a table on a desk) show and do. */
export interface RowListProps {
  clinicId: string;
  versionId: string;
  /** This page's rows; undefined while they load. */
  items: PriceListRowView[] | undefined;
  pending: boolean;
  /** Said when the page has no rows. */
  empty: string;
  editable: boolean;
  edit: RowEditing;
}

/** One row as either layout shows it when it is not being edited. */
export type RowProps = { row: PriceListRowView } & Pick<RowListProps, 'editable' | 'edit'>;
