import { Card, Table, Text, Title } from '@mantine/core';
import { type CashbackView, ruDate } from '@remed/core';

const period = (p: { validFrom: string; validTo: string | null }) =>
  p.validTo ? `${ruDate(p.validFrom)} — ${ruDate(p.validTo)}` : `с ${ruDate(p.validFrom)}`;

/** Every percent the clinic has had, with the days it held. */
export function CashbackHistory({ view }: { view: CashbackView }) {
  return (
    <Card withBorder padding="lg" data-testid="cashback-history">
      <Title order={2} size="h4" mb="sm">
        История
      </Title>
      {view.history.length === 0 ? (
        <Text c="dimmed" size="sm">
          Процент ещё ни разу не устанавливался.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={280}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Кэшбэк</Table.Th>
                <Table.Th>Период</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.history.map((h) => (
                <Table.Tr key={h.validFrom}>
                  <Table.Td fw={600}>{h.percent} %</Table.Td>
                  <Table.Td>{period(h)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
