import { Alert, Badge, Button, Card, Group, Modal, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { formatRub, type PayoutReviewDecision, type PayoutReviewItem } from '@remed/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isApiError } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';

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
  const [errors, setErrors] = useState<{ outcome?: string; note?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const next: typeof errors = {};
    if (!outcome) next.outcome = 'Отметьте, ушли ли деньги';
    if (note.trim().length < 3)
      next.note = 'Укажите, по какому документу решили: выписка ЮKassa, номер операции';
    setErrors(next);
    if (next.outcome || next.note) return;
    setBusy(true);
    try {
      await api.post(`/api/admin/payouts/${payout.id}/review`, { outcome, note: note.trim() });
      notifications.show({ color: 'teal', message: 'Решение по выплате сохранено' });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: QUEUE_KEY }),
        queryClient.invalidateQueries({ queryKey: ['admin', 'reconciliation'] }),
      ]);
      close();
    } catch (e) {
      setErrors({
        note: isApiError(e) ? e.fields.note : undefined,
        form: isApiError(e) ? e.message : 'Не удалось сохранить',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="compact-sm" variant="light" onClick={open} data-testid="payout-review-open">
        Решить
      </Button>
      <Modal opened={opened} onClose={close} title={`Выплата ${formatRub(payout.amount)}`} centered>
        <Stack gap="sm">
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
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
          <Textarea
            label="Основание"
            placeholder="Выписка ЮKassa от 01.12.2026, операция №…"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={2}
            maxLength={500}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Отмена
            </Button>
            <Button loading={busy} onClick={save} data-testid="payout-review-save">
              Сохранить решение
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
