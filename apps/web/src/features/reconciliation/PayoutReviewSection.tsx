import { Badge, Button, Card, Group, Modal, Radio, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { formatRub, type PayoutReviewDecision, type PayoutReviewItem } from '@remed/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { useCheckedSave } from '../../ui/useCheckedSave.ts';
import { GroundsField } from './GroundsField.tsx';

const QUEUE_KEY = ['admin', 'payouts', 'review'] as const;

const when = (iso: string) =>
  new Date(iso).toLocaleString('ru-RU', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Moscow',
  });

/**
 * Payouts no job may touch any more: the provider's idempotence key has expired and the provider does not
 * know the payout, so only a person with the provider's statement can say whether the money went.
 */
export function PayoutReviewSection() {
  const queue = useQuery({
    queryKey: QUEUE_KEY,
    queryFn: () => api.get<PayoutReviewItem[]>('/api/admin/payouts/review'),
    staleTime: 0,
  });
  if (queue.isError) return <QueryError error={queue.error} retry={() => queue.refetch()} />;
  if (!queue.data || queue.data.length === 0) return null;
  return (
    <Stack gap="sm" data-testid="payout-review">
      <Title order={2} fz={{ base: 20, sm: 22 }}>
        Выплаты на решении{' '}
        <Badge color="orange" variant="light">
          {queue.data.length}
        </Badge>
      </Title>
      <Text c="dimmed" size="sm">
        ЮKassa не нашла эти выплаты, а срок её ключа повторной отправки истёк. Сверьте с выпиской ЮKassa и
        отметьте, ушли ли деньги. Если нет — застрахованный сможет получить выплату снова.
      </Text>
      {queue.data.map((p) => (
        <Card key={p.id} withBorder padding="sm" data-testid="payout-review-item">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2}>
              <Text fw={600}>
                {formatRub(p.amount)} на {p.phone}
              </Text>
              <Text size="xs" c="dimmed">
                Создана {when(p.createdAt)} · ключ {p.idempotenceKey}
                {p.providerId ? ` · в ЮKassa ${p.providerId}` : ''}
              </Text>
              <Text size="sm">{p.reason}</Text>
            </Stack>
            <DecideButton payout={p} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function DecideButton({ payout }: { payout: PayoutReviewItem }) {
  const [opened, { open, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<PayoutReviewDecision['outcome'] | ''>('');
  const [note, setNote] = useState('');
  const {
    errors,
    saving,
    save: checkAndSave,
  } = useCheckedSave<'outcome' | 'note'>(['note'], 'Не удалось сохранить');

  const save = () => {
    const problems: { outcome?: string; note?: string } = {};
    if (!outcome) problems.outcome = 'Отметьте, ушли ли деньги';
    if (note.trim().length < 3)
      problems.note = 'Укажите, по какому документу решили: выписка ЮKassa, номер операции';
    return checkAndSave(problems, async () => {
      await api.post(`/api/admin/payouts/${payout.id}/review`, { outcome, note: note.trim() });
      notifications.show({ color: 'teal', message: 'Решение по выплате сохранено' });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: QUEUE_KEY }),
        queryClient.invalidateQueries({ queryKey: ['admin', 'reconciliation'] }),
      ]);
      close();
    });
  };

  return (
    <>
      <Button size="compact-sm" variant="light" onClick={open} data-testid="payout-review-open">
        Решить
      </Button>
      <Modal opened={opened} onClose={close} title={`Выплата ${formatRub(payout.amount)}`} centered>
        <Stack gap="sm">
          <FormError message={errors.form ?? null} />
          <Radio.Group
            label="По выписке ЮKassa"
            value={outcome}
            onChange={(v) => setOutcome(v as PayoutReviewDecision['outcome'])}
            error={errors.outcome}
          >
            <Stack gap={6} mt={6}>
              <Radio value="paid" label="Деньги ушли застрахованному" />
              <Radio value="not_paid" label="Денег не было — выплату можно повторить" />
            </Stack>
          </Radio.Group>
          <GroundsField
            placeholder="Выписка ЮKassa от 01.12.2026, операция №…"
            value={note}
            onChange={setNote}
            error={errors.note}
            maxLength={500}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Отмена
            </Button>
            <Button loading={saving} onClick={save} data-testid="payout-review-save">
              Сохранить решение
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
