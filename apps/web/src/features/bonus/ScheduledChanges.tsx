import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type CashbackView, ruDate } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../app/api.ts';
import { cancelCashbackChange, cashbackKey } from './api.ts';

/** Changes that have not started yet, each of which can still be cancelled. */
export function ScheduledChanges({ clinicId, view }: { clinicId: string; view: CashbackView }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  if (!view.scheduled.length) return null;
  const cancel = async (validFrom: string) => {
    setBusy(validFrom);
    try {
      const saved = await cancelCashbackChange(clinicId, validFrom);
      queryClient.setQueryData(cashbackKey(clinicId), saved);
      notifications.show({ color: 'teal', message: `Изменение с ${ruDate(validFrom)} отменено` });
    } catch (e) {
      notifications.show({ color: 'red', message: isApiError(e) ? e.message : 'Не удалось отменить' });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card withBorder padding="lg" data-testid="cashback-scheduled">
      <Title order={2} size="h4" mb="sm">
        Запланированные изменения
      </Title>
      <Stack gap="xs">
        {view.scheduled.map((s) => (
          <Group key={s.validFrom} justify="space-between" wrap="wrap" data-testid="cashback-scheduled-row">
            <Group gap="xs">
              <Badge variant="light" size="lg">
                {s.percent} %
              </Badge>
              <Text>с {ruDate(s.validFrom)}</Text>
            </Group>
            <Button
              variant="subtle"
              color="red"
              size="sm"
              loading={busy === s.validFrom}
              onClick={() => cancel(s.validFrom)}
              aria-label={`Отменить изменение на ${s.percent} % с ${ruDate(s.validFrom)}`}
            >
              Отменить
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
