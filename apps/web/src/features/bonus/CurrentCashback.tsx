import { Card, Group, Stack, Text } from '@mantine/core';
import { type CashbackView, ruDate } from '@remed/core';
import { IconGift } from '@tabler/icons-react';

/** The percent patients get now, since when, and the next change if one is planned. */
export function CurrentCashback({ view }: { view: CashbackView }) {
  const next = view.scheduled[0];
  return (
    <Card withBorder padding="lg" data-testid="cashback-current">
      <Group gap="md" align="flex-start" wrap="nowrap">
        <IconGift size={36} aria-hidden style={{ flexShrink: 0 }} />
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            Кэшбэк для пациентов сейчас
          </Text>
          {view.current ? (
            <>
              <Text fz={40} fw={700} lh={1} data-testid="cashback-percent">
                {view.current.percent} %
              </Text>
              <Text size="sm">
                действует с {ruDate(view.current.validFrom)}
                {view.current.validTo ? ` по ${ruDate(view.current.validTo)}` : ''}
              </Text>
            </>
          ) : (
            <Text fz="lg" fw={600} data-testid="cashback-percent">
              Клиника пока не участвует в бонусной программе
            </Text>
          )}
          {next && (
            <Text size="sm" c="teal.8">
              С {ruDate(next.validFrom)} — {next.percent} %
            </Text>
          )}
        </Stack>
      </Group>
    </Card>
  );
}
