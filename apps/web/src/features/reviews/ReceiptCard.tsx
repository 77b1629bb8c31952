import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { type ClaimView, formatRub } from '@remed/core';
import { keyed } from '../../app/format.ts';
import { receiptTime } from '../claims/ClaimPage.tsx';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** The receipt under review, line by line, each with what the engine matched it to in the letter. */
export function ReceiptCard({ claim }: { claim: ClaimView }) {
  return (
    <Card withBorder padding="md" data-testid="review-receipt">
      <Title order={2} size="h4" mb={4}>
        Чек: {formatRub(claim.sum)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {claim.clinicName} · {receiptTime(claim.dateTime)} · ФН/ФД {claim.receipt.replace(':', ' / ')}
      </Text>
      <Stack gap="xs">
        {keyed(claim.lines, (l) => l.name).map(({ key, item: l }) => (
          <Card key={key} withBorder padding="xs" bg="gray.0" data-testid="review-line">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Text fw={600} size="sm" style={{ minWidth: 0 }}>
                {l.name}
              </Text>
              <Text fw={700} size="sm" style={nowrap}>
                {formatRub(l.paid)}
              </Text>
            </Group>
            <Text size="sm" mt={2}>
              {l.text}
            </Text>
            {l.approved > 0 && (
              <Text size="xs" c="teal.8">
                Подходит к письму на {formatRub(l.approved)}
              </Text>
            )}
          </Card>
        ))}
        {claim.lines.length === 0 && (
          <Text size="sm" c="dimmed">
            Позиции чека не разобраны.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
