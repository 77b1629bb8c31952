import { Badge, Button, Card, Group, List, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ProgramView } from '@remed/core';
import { Link } from 'react-router';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatCount } from '../../app/format.ts';
import { usePrograms } from './api.ts';
import { contractLine, programSummary } from './programText.ts';

function ProgramCard({ program: p }: { program: ProgramView }) {
  return (
    <Card withBorder padding="md" data-testid="program-card">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={700} fz="lg">
            {p.name}
          </Text>
          <Text size="sm" c="dimmed">
            {contractLine(p)}
          </Text>
        </div>
        <Badge variant="light" size="lg" style={{ textTransform: 'none' }}>
          застраховано: {formatCount(p.activePolicies)}
        </Badge>
      </Group>
      <Text size="sm" mt="xs">
        {p.description}
      </Text>
      <List size="sm" mt="xs" spacing={2}>
        {programSummary(p).map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      <Group mt="md" gap="xs">
        <Button component={Link} to={`/insurance/programs/${p.id}`} size="sm">
          Застрахованные и загрузка списка
        </Button>
      </Group>
    </Card>
  );
}

export function ProgramsList() {
  const programs = usePrograms();
  if (programs.isError) return <QueryError error={programs.error} retry={() => programs.refetch()} />;
  if (programs.isPending) return <Skeleton h={200} />;
  if (programs.data.length === 0)
    return <Text c="dimmed">Программ пока нет. Договоры и программы загружает администратор сервиса.</Text>;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" data-testid="programs">
      {programs.data.map((p) => (
        <ProgramCard key={p.id} program={p} />
      ))}
    </SimpleGrid>
  );
}

export function ProgramsPage() {
  return (
    <Stack gap="md" data-testid="page-programs">
      <Title order={1} fz={{ base: 24, sm: 30 }}>
        Программы и застрахованные
      </Title>
      <Text c="dimmed" size="sm">
        Программы ДМС по вашим договорам. Откройте программу, чтобы увидеть застрахованных и загрузить новый
        список.
      </Text>
      <ProgramsList />
    </Stack>
  );
}
