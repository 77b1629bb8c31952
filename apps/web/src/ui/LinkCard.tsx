import { Card, Group, type MantineSpacing, Stack } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A big card for the phone that opens its page on one tap; the chevron says it leads somewhere. */
export function LinkCard({
  to,
  label,
  gap,
  children,
  'data-testid': testId,
}: {
  to: string;
  /** What a screen reader announces for the whole card. */
  label: string;
  gap: MantineSpacing | number;
  children: ReactNode;
  'data-testid': string;
}) {
  return (
    <Card withBorder padding="md" component={Link} to={to} data-testid={testId} aria-label={label}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={gap} style={{ minWidth: 0 }}>
          {children}
        </Stack>
        <IconChevronRight aria-hidden style={{ flexShrink: 0 }} />
      </Group>
    </Card>
  );
}
