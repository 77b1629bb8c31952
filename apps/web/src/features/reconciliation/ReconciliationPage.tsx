import { Card, Group, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { formatRub } from '@remed/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PayoutReviewSection } from './PayoutReviewSection.tsx';
import { RepaymentButton } from './RepaymentButton.tsx';

interface Sums {
  owed: number;
  paid: number;
  inFlight: number;
  difference: number;
}
interface Person extends Sums {
  insuredPersonId: string;
  fullName?: string | null;
  policyNumber?: string | null;
}
interface Reconciliation {
  people: Person[];
  total: Sums;
}

const COLUMNS: { key: keyof Sums; label: string; hint: string }[] = [
  { key: 'owed', label: 'Причитается', hint: 'одобрено минус открытые удержания' },
  { key: 'paid', label: 'Выплачено', hint: 'банк подтвердил перевод' },
  { key: 'inFlight', label: 'В пути', hint: 'перевод отправлен, ответа банка ещё нет' },
  {
    key: 'difference',
    label: 'Расхождение',
    hint: 'плюс — деньги в пути, минус — застрахованный должен вернуть удержание',
  },
];

/** What a person still owes after a clinic's refund: owed less paid less money on its way, when negative. */
const debtOf = (p: Person) => Math.max(0, -(p.owed - p.paid - p.inFlight));

const who = (p: Person) => p.fullName ?? `Застрахованный ${p.insuredPersonId.slice(0, 8)}`;
const diffColor = (n: number) => (n === 0 ? undefined : 'red.8');

export function ReconciliationPage() {
  const data = useQuery({
    queryKey: ['admin', 'reconciliation'],
    queryFn: () => api.get<Reconciliation>('/api/admin/reconciliation'),
    staleTime: 0,
  });
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const people = data.data
    ? [...data.data.people].sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || b.owed - a.owed)
    : [];

  return (
    <Stack gap="md" data-testid="page-reconciliation">
      <PageHeader title="Сверка выплат">
        Сколько застрахованным причитается по одобренным чекам и сколько им перевели по СБП. Расхождение —
        повод разобраться.
      </PageHeader>
      <PayoutReviewSection />
      {data.isError && <QueryError error={data.error} retry={() => data.refetch()} />}
      {data.isPending && <Skeleton h={100} />}
      {data.data && (
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" data-testid="reconciliation-total">
          {COLUMNS.map((c) => (
            <Card key={c.key} withBorder padding="md">
              <Text size="sm" c="dimmed">
                {c.label}
              </Text>
              <Text
                fz={{ base: 20, sm: 26 }}
                fw={700}
                c={c.key === 'difference' ? (diffColor(data.data.total.difference) ?? 'teal.8') : undefined}
                style={{ whiteSpace: 'nowrap' }}
                data-testid={`total-${c.key}`}
              >
                {formatRub(data.data.total[c.key])}
              </Text>
              <Text size="xs" c="dimmed">
                {c.hint}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {data.data && people.length === 0 && (
        <Text c="dimmed" ta="center" py="md" data-testid="reconciliation-empty">
          Выплат пока не было.
        </Text>
      )}
      {people.length > 0 &&
        (narrow ? (
          <Stack gap="sm">
            {people.map((p) => (
              <Card key={p.insuredPersonId} withBorder padding="sm" data-testid="reconciliation-row">
                <Text fw={600}>{who(p)}</Text>
                {p.policyNumber && (
                  <Text size="xs" c="dimmed">
                    Полис {p.policyNumber}
                  </Text>
                )}
                <SimpleGrid cols={2} spacing={4} mt="xs">
                  {COLUMNS.map((c) => (
                    <Group key={c.key} gap={4} wrap="nowrap">
                      <Text size="sm" c="dimmed">
                        {c.label}:
                      </Text>
                      <Text
                        size="sm"
                        fw={600}
                        c={c.key === 'difference' ? diffColor(p.difference) : undefined}
                      >
                        {formatRub(p[c.key])}
                      </Text>
                    </Group>
                  ))}
                </SimpleGrid>
                {debtOf(p) > 0 && (
                  <Group mt="xs">
                    <RepaymentButton personId={p.insuredPersonId} name={who(p)} debt={debtOf(p)} />
                  </Group>
                )}
              </Card>
            ))}
          </Stack>
        ) : (
          <Card withBorder padding={0}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="reconciliation-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Застрахованный</Table.Th>
                  {COLUMNS.map((c) => (
                    <Table.Th key={c.key} ta="right">
                      {c.label}
                    </Table.Th>
                  ))}
                  <Table.Th aria-label="Действия" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.map((p) => (
                  <Table.Tr key={p.insuredPersonId} data-testid="reconciliation-row">
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {who(p)}
                      </Text>
                      {p.policyNumber && (
                        <Text size="xs" c="dimmed">
                          Полис {p.policyNumber}
                        </Text>
                      )}
                    </Table.Td>
                    {COLUMNS.map((c) => (
                      <Table.Td key={c.key} ta="right" style={{ whiteSpace: 'nowrap' }}>
                        <Text
                          size="sm"
                          span
                          fw={c.key === 'difference' && p.difference !== 0 ? 700 : undefined}
                          c={c.key === 'difference' ? diffColor(p.difference) : undefined}
                        >
                          {formatRub(p[c.key])}
                        </Text>
                      </Table.Td>
                    ))}
                    <Table.Td ta="right">
                      {debtOf(p) > 0 && (
                        <RepaymentButton personId={p.insuredPersonId} name={who(p)} debt={debtOf(p)} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        ))}
    </Stack>
  );
}
