import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { formatRub, type LetterView, ruDate } from '@remed/core';
import { Link } from 'react-router';
import { LetterItemsTable } from '../letters/LetterItemsTable.tsx';

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
      <LetterItemsTable items={letter.items} forReview />
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
