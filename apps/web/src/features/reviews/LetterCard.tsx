import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { formatRub, type LetterView, ruDate } from '@remed/core';
import { Link } from 'react-router';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** The guarantee letter the receipt is claimed on: its services, prices, franchise and what is left of the limit. */
export function LetterCard({ letter }: { letter: LetterView }) {
  return (
    <Card withBorder padding="md" data-testid="review-letter">
      <Title order={2} size="h4" mb={4}>
        Письмо{' '}
        <Anchor component={Link} to={`/letters/${letter.id}`} inherit>
          {letter.number}
        </Anchor>
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {letter.insuredName} · полис {letter.policyNumber} · с {ruDate(letter.validFrom)} по{' '}
        {ruDate(letter.validUntil)}
      </Text>
      <Table.ScrollContainer minWidth={300}>
        <Table verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Услуга</Table.Th>
              <Table.Th ta="right" style={nowrap}>
                Кол-во
              </Table.Th>
              <Table.Th ta="right">Цена</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {letter.items.map((i) => (
              <Table.Tr key={i.line}>
                <Table.Td>
                  <Text size="sm">{i.name}</Text>
                  <Text size="xs" c="dimmed">
                    {i.code}
                    {i.clinicCode ? ` · код клиники ${i.clinicCode}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{i.quantity}</Table.Td>
                <Table.Td ta="right" style={nowrap}>
                  {formatRub(i.price)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap={2} mt="xs">
        <Text size="sm">
          Франшиза {letter.franchisePercent} % · кэшбэк {letter.cashbackPercent} %
        </Text>
        <Text size="sm">
          Остаток лимита: {letter.remainingLimit === null ? 'без лимита' : formatRub(letter.remainingLimit)}
        </Text>
      </Stack>
    </Card>
  );
}
