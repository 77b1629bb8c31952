import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A page's title and, under it, a sentence or two on what the page is for. */
export function PageHeader({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={1} fz={{ base: 24, sm: 30 }}>
        {title}
      </Title>
      <Text c="dimmed">{children}</Text>
    </Stack>
  );
}
