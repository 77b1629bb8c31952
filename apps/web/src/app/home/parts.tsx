import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export function HomeHeader({ title, subtitle }: { title: string; subtitle?: ReactNode }) {
  return (
    <Stack gap={4} mb="lg">
      <Title order={1} fz={{ base: 24, sm: 30 }}>
        {title}
      </Title>
      {subtitle && <Text c="dimmed">{subtitle}</Text>}
    </Stack>
  );
}

export interface SectionSummaryProps {
  icon: Icon;
  title: string;
  text: string;
}

/** A section in one look: its icon, its name and a line of what is in it. */
export function SectionSummary({ icon: IconComponent, title, text }: SectionSummaryProps) {
  return (
    <Group align="flex-start" wrap="nowrap">
      <ThemeIcon variant="light" size={44} radius="md" aria-hidden>
        <IconComponent size={24} />
      </ThemeIcon>
      <Stack gap={4}>
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed">
          {text}
        </Text>
      </Stack>
    </Group>
  );
}

/** An honest placeholder for a section that has no data or is not built yet. */
export function EmptySection(props: SectionSummaryProps) {
  return (
    <Card withBorder padding="lg">
      <SectionSummary {...props} />
    </Card>
  );
}

export function SectionGrid({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {children}
    </SimpleGrid>
  );
}
