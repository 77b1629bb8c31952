import { Anchor, Card, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { formatRub, type LetterView, ruDate } from '@remed/core';
import { Link } from 'react-router';
import { LetterStatus, servicesLine } from './LetterStatus.tsx';

interface Props {
  letters: LetterView[] | undefined;
  loading: boolean;
}

function LetterCards({ letters, loading }: Props) {
  return (
    <Stack gap="sm" data-testid="letters-table">
      {loading && Array.from({ length: 3 }, (_, i) => <Skeleton key={String(i)} h={120} />)}
      {letters?.map((l) => (
        <Card key={l.id} withBorder padding="sm" data-testid="letter-row">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/letters/${l.id}`} fw={600}>
                {l.number}
              </Anchor>
              <Text size="sm">{l.insuredName}</Text>
            </div>
            <LetterStatus status={l.status} size="sm" />
          </Group>
          <Text size="sm" c="dimmed" mt={4} lineClamp={3}>
            {servicesLine(l)}
          </Text>
          <Group justify="space-between" mt={6}>
            <Text fw={600}>{formatRub(l.total)}</Text>
            <Text size="sm" c="dimmed">
              до {ruDate(l.validUntil)}
            </Text>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function LetterRows({ letters, loading }: Props) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="letters-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Пациент</Table.Th>
            <Table.Th>Номер</Table.Th>
            <Table.Th>Услуги</Table.Th>
            <Table.Th ta="right">Сумма</Table.Th>
            <Table.Th>Действует до</Table.Th>
            <Table.Th>Состояние</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading &&
            Array.from({ length: 4 }, (_, i) => (
              <Table.Tr key={String(i)}>
                <Table.Td colSpan={6}>
                  <Skeleton h={24} />
                </Table.Td>
              </Table.Tr>
            ))}
          {letters?.map((l) => (
            <Table.Tr key={l.id} data-testid="letter-row">
              <Table.Td>
                <Text size="sm" fw={600}>
                  {l.insuredName}
                </Text>
                <Text size="xs" c="dimmed">
                  Полис {l.policyNumber}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/letters/${l.id}`} size="sm">
                  {l.number}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {servicesLine(l)}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatRub(l.total)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{ruDate(l.validUntil)}</Text>
              </Table.Td>
              <Table.Td>
                <LetterStatus status={l.status} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The staff list of letters (clinic, insurer): a table on a desk, cards on a phone. */
export function LettersTable(props: Props) {
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  return narrow ? <LetterCards {...props} /> : <LetterRows {...props} />;
}
