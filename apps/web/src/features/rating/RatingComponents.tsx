import { Anchor, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { decimal } from './api.ts';
import { type Components, explain } from './explanation.ts';

/** The five parts of the rating, each with its points, what was measured and how to improve it. */
export function RatingComponents({ components }: { components: Components }) {
  return (
    <Stack gap="sm" data-testid="rating-components">
      <Title order={2} size="h3">
        Из чего складывается рейтинг
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {explain(components).map((c) => (
          <Card key={c.key} withBorder padding="md" data-testid="rating-component">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={700}>{c.title}</Text>
              <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                {decimal(c.part.points)} из {decimal(10 * c.part.weight)}
              </Text>
            </Group>
            <Progress
              value={c.part.score * 100}
              mt={6}
              mb="xs"
              aria-label={`${c.title}: ${decimal(c.part.points)} балла из ${decimal(10 * c.part.weight)}`}
            />
            <Text size="sm">{c.measured}</Text>
            <Text size="sm" c="dimmed" mt={4}>
              Как улучшить: {c.advice}
            </Text>
            {c.link && (
              <Anchor component={Link} to={c.link.to} size="sm" mt={4}>
                {c.link.label}
              </Anchor>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
