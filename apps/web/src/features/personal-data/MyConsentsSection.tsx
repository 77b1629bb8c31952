import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  Skeleton,
  Spoiler,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CONSENT_METHOD_LABELS, CONSENT_WITHDRAWAL_LABELS, type MyConsent } from '@remed/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isApiError } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';
import { myConsentsKey } from '../insured/api.ts';
import { myDataConsentsKey, useMyDataConsents } from './api.ts';

function ConsentCard({ c, onWithdraw }: { c: MyConsent; onWithdraw(c: MyConsent): void }) {
  return (
    <Card withBorder data-testid={`consent-${c.kind}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={6}>
        <Text fw={600}>{c.title}</Text>
        {c.withdrawnAt ? (
          <Badge color="gray" variant="light" style={{ flexShrink: 0 }}>
            Отозвано
          </Badge>
        ) : (
          <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
            Действует
          </Badge>
        )}
      </Group>
      <Text size="sm">
        Дано {formatDateTime(c.acceptedAt)}. {CONSENT_METHOD_LABELS[c.method]}
        {c.ip ? ` (IP ${c.ip})` : ''}. Редакция текста от {c.version}.
      </Text>
      {c.withdrawnAt && (
        <Text size="sm" c="dimmed">
          {c.withdrawnMethod ? CONSENT_WITHDRAWAL_LABELS[c.withdrawnMethod] : 'Отозвано'}{' '}
          {formatDateTime(c.withdrawnAt)}.
        </Text>
      )}
      <Text size="sm" fw={600} mt="sm">
        Какие данные
      </Text>
      <List size="sm" spacing={2}>
        {c.categories.map((x) => (
          <List.Item key={x}>{x}</List.Item>
        ))}
      </List>
      <Text size="sm" fw={600} mt="sm">
        Кому передаются
      </Text>
      <Text size="sm">{c.recipients.join('; ')}</Text>
      <Spoiler maxHeight={0} showLabel="Прочитать текст согласия" hideLabel="Свернуть текст" mt="sm">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.text}
        </Text>
      </Spoiler>
      {!c.withdrawnAt && (
        <Text size="sm" c="dimmed" mt="sm">
          {c.consequences}
        </Text>
      )}
      {c.withdrawable && (
        <Group mt="sm">
          <Button
            variant="light"
            color="red"
            onClick={() => onWithdraw(c)}
            data-testid={`withdraw-${c.kind}`}
          >
            Отозвать согласие
          </Button>
        </Group>
      )}
    </Card>
  );
}

/** «Мои согласия»: each consent with what it covers and how it was given; the optional ones can be withdrawn. */
export function MyConsentsSection() {
  const queryClient = useQueryClient();
  const consents = useMyDataConsents();
  const [asking, setAsking] = useState<MyConsent | null>(null);
  const withdraw = useMutation({
    mutationFn: (c: MyConsent) => api.post(`/api/me/personal-data/consents/${c.id}/withdraw`),
    onSuccess: () => {
      setAsking(null);
      notifications.show({ color: 'teal', message: 'Согласие отозвано' });
      void queryClient.invalidateQueries({ queryKey: myConsentsKey });
      return queryClient.invalidateQueries({ queryKey: myDataConsentsKey });
    },
    onError: (e) =>
      notifications.show({
        color: 'red',
        message: isApiError(e) ? e.message : 'Не удалось отозвать согласие',
      }),
  });

  return (
    <Stack gap="sm" data-testid="my-consents">
      <Title order={2} size="h3">
        Мои согласия
      </Title>
      {consents.isError ? (
        <QueryError error={consents.error} retry={() => consents.refetch()} />
      ) : consents.isPending ? (
        <Skeleton h={160} />
      ) : consents.data.length ? (
        consents.data.map((c) => <ConsentCard key={c.id} c={c} onWithdraw={setAsking} />)
      ) : (
        <Text c="dimmed">Согласий нет.</Text>
      )}
      <Modal opened={!!asking} onClose={() => setAsking(null)} title="Отозвать согласие?" centered>
        {asking && (
          <Stack gap="md">
            <Text fw={600}>{asking.title}</Text>
            <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="withdraw-consequences">
              {asking.consequences}
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(null)}>
                Не отзывать
              </Button>
              <Button
                color="red"
                loading={withdraw.isPending}
                onClick={() => withdraw.mutate(asking)}
                data-testid="withdraw-confirm"
              >
                Отозвать
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
