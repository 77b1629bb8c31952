import { Card, Skeleton, Stack, Table } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { TableLoadingRow } from './TableLoadingRow.tsx';

interface ListColumn {
  title: string;
  /** A short heading that must not break (dates). */
  nowrap?: boolean;
}

/**
 * A page of a list: a table on a wide screen, one card a row on a phone (up to 48em), where a wide table
 * would have to be scrolled sideways. Both carry the same test ids, so a journey finds the rows either way.
 */
export function ResponsiveList<T>({
  items,
  loading,
  rowKey,
  columns,
  row,
  card,
  minWidth,
  'data-testid': testId,
  rowTestId,
}: {
  items: T[] | undefined;
  loading: boolean;
  rowKey: (item: T) => string;
  columns: ListColumn[];
  /** The cells of the item's table row, one a column. */
  row: (item: T) => ReactNode;
  card: (item: T) => ReactNode;
  minWidth: number;
  'data-testid': string;
  rowTestId: string;
}) {
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  if (narrow)
    return (
      <Stack gap="sm" data-testid={testId}>
        {loading && <Skeleton h={90} />}
        {items?.map((item) => (
          <Card key={rowKey(item)} withBorder padding="sm" data-testid={rowTestId}>
            {card(item)}
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped verticalSpacing="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.title} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                {c.title}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading && <TableLoadingRow colSpan={columns.length} />}
          {items?.map((item) => (
            <Table.Tr key={rowKey(item)} data-testid={rowTestId}>
              {row(item)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
