import { Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type ClaimView, formatRub } from '@remed/core';
import { keyed } from '../../app/format.ts';

type Line = ClaimView['lines'][number];

const approvedColor = (l: Line) => (l.approved === 0 ? 'red.8' : l.approved < l.paid ? 'orange.8' : 'teal.8');

/** The decision line by line: what was paid, what is returned, and the sentence that explains why. */
export function ClaimLines({ lines }: { lines: Line[] }) {
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  if (narrow)
    return (
      <Stack gap="sm" data-testid="claim-lines">
        {keyed(lines, (l) => l.name).map(({ key, item: l }) => (
          <Card key={key} withBorder padding="sm" data-testid="claim-line" data-approved={l.approved}>
            <Text fw={600}>{l.name}</Text>
            <Text size="sm" mt={4}>
              {l.text}
            </Text>
            <Group justify="space-between" mt="xs">
              <Text size="sm" c="dimmed">
                Оплачено {formatRub(l.paid)}
              </Text>
              <Text fw={700} c={approvedColor(l)}>
                Возмещено {formatRub(l.approved)}
              </Text>
            </Group>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table verticalSpacing="sm" data-testid="claim-lines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Позиция чека</Table.Th>
          <Table.Th ta="right">Оплачено</Table.Th>
          <Table.Th ta="right">Возмещено</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keyed(lines, (l) => l.name).map(({ key, item: l }) => (
          <Table.Tr key={key} data-testid="claim-line" data-approved={l.approved}>
            <Table.Td>
              <Text fw={600}>{l.name}</Text>
              <Text size="sm" c="dimmed">
                {l.text}
              </Text>
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
              {formatRub(l.paid)}
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
              <Text fw={700} c={approvedColor(l)} span>
                {formatRub(l.approved)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Total({
  label,
  value,
  testId,
  strong,
}: {
  label: string;
  value: number;
  testId: string;
  strong?: boolean;
}) {
  return (
    <Card withBorder padding="md" bg={strong ? 'teal.0' : undefined}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={strong ? 28 : 22} fw={700} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {formatRub(value)}
      </Text>
    </Card>
  );
}

export function ClaimTotals({ claim }: { claim: ClaimView }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" data-testid="claim-totals">
      <Total label="Возмещение" value={claim.reimbursement} testId="claim-reimbursement" />
      <Total label="Кэшбэк клиники" value={claim.cashback} testId="claim-cashback" />
      <Total
        label="Всего к выплате"
        value={claim.reimbursement + claim.cashback}
        testId="claim-total"
        strong
      />
    </SimpleGrid>
  );
}
