import { Group, type MantineSpacing, Pagination, type PaginationProps, Text } from '@mantine/core';
import type { ReactNode } from 'react';

type PagerProps = Omit<PaginationProps, 'total' | 'value' | 'onChange'>;

/** Under a list: how many it found and, when they do not fit one page, the page switcher. */
export function ListPages({
  summary,
  total,
  pageSize,
  page,
  onPage,
  gap,
  summaryTestId,
  ...pager
}: {
  summary: ReactNode;
  total: number | undefined;
  pageSize: number;
  page: number;
  onPage: (page: number) => void;
  gap?: MantineSpacing;
  summaryTestId?: string;
} & PagerProps) {
  const pages = Math.ceil((total ?? 0) / pageSize);
  return (
    <Group justify="space-between" wrap="wrap" gap={gap}>
      <Text size="sm" c="dimmed" data-testid={summaryTestId}>
        {summary}
      </Text>
      {pages > 1 && <Pagination total={pages} value={page} onChange={onPage} {...pager} />}
    </Group>
  );
}
