import {
  Alert,
  Badge,
  Button,
  Card,
  CloseButton,
  Group,
  List,
  Modal,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ErasureResult, MyConsent } from '@remed/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isApiError, queryString } from '../../app/api.ts';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { DownloadButton } from '../../ui/DownloadButton.tsx';

const MIN_BASIS = 5;

/** One person chosen by the admin: their consents, and the export or erasure made on their written request. */
export function PersonPanel({ id, name, onClose }: { id: string; name: string; onClose(): void }) {
  const queryClient = useQueryClient();
  const [basis, setBasis] = useState('');
  const [confirm, setConfirm] = useState(false);
  const consents = useQuery({
    queryKey: ['admin', 'personal-data', 'consents', id],
    queryFn: () => api.get<MyConsent[]>(`/api/admin/personal-data/persons/${id}/consents`),
  });
  const erase = useMutation({
    mutationFn: () => api.post<ErasureResult>(`/api/admin/personal-data/persons/${id}/erase`, { basis }),
    onSuccess: (r) => {
      setConfirm(false);
      notifications.show({
        color: 'teal',
        message: `Данные обезличены. Финансовые записи (${r.financialRecordsKept}) хранятся до ${formatDate(r.keptUntil)}`,
      });
      return queryClient.invalidateQueries({ queryKey: ['admin', 'personal-data'] });
    },
    onError: () => setConfirm(false),
  });
  const basisOk = basis.trim().length >= MIN_BASIS;
  const exportUrl = (format: 'pdf' | 'json') =>
    `/api/admin/personal-data/persons/${id}/export.${format}${queryString({ basis: basis.trim() })}`;
  const reasons = isApiError(erase.error) ? (erase.error.details.reasons as string[] | undefined) : undefined;

  return (
    <Card withBorder data-testid="person-panel">
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Title order={2} size="h4">
          {name}
        </Title>
        <CloseButton aria-label="Показать всех застрахованных" onClick={onClose} />
      </Group>
      <Text size="sm" fw={600}>
        Согласия
      </Text>
      <List size="sm" mb="sm">
        {(consents.data ?? []).map((c) => (
          <List.Item key={c.id}>
            {c.title} — дано {formatDateTime(c.acceptedAt)}{' '}
            {c.withdrawnAt ? (
              <Badge color="gray" variant="light" size="sm">
                отозвано {formatDateTime(c.withdrawnAt)}
              </Badge>
            ) : (
              <Badge color="teal" variant="light" size="sm">
                действует
              </Badge>
            )}
          </List.Item>
        ))}
      </List>
      <Textarea
        label="Основание: письменное заявление"
        description="Номер и дата заявления человека. Без него выгрузить или обезличить данные нельзя."
        placeholder="Заявление № 15 от 01.12.2026"
        value={basis}
        onChange={(e) => setBasis(e.currentTarget.value)}
        maxLength={500}
        autosize
        minRows={1}
        data-testid="erasure-basis"
      />
      <Group mt="sm" wrap="wrap">
        {(['pdf', 'json'] as const).map((format) => (
          <DownloadButton
            key={format}
            href={basisOk ? exportUrl(format) : undefined}
            disabled={!basisOk}
            iconSize={18}
            variant="light"
          >
            {`Выгрузить ${format.toUpperCase()}`}
          </DownloadButton>
        ))}
        <Button
          color="red"
          variant="outline"
          disabled={!basisOk}
          onClick={() => setConfirm(true)}
          data-testid="erase"
        >
          Обезличить данные
        </Button>
      </Group>
      {erase.isError && (
        <Alert color="red" mt="sm" title="Не обезличено" data-testid="erase-error">
          {reasons?.length ? (
            <List size="sm">
              {reasons.map((r) => (
                <List.Item key={r}>{r}</List.Item>
              ))}
            </List>
          ) : (
            erase.error.message
          )}
        </Alert>
      )}
      <Modal opened={confirm} onClose={() => setConfirm(false)} title="Обезличить данные?" centered>
        <Stack>
          <Text size="sm">
            ФИО, телефон, почта, номера полисов, тексты обращений и сообщений, фото будут заменены или
            удалены. Суммы чеков, их фискальные признаки и выплаты останутся на 5 лет (ст. 29 закона №
            402-ФЗ). Человек больше не сможет войти. Отменить это нельзя.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              Отмена
            </Button>
            <Button
              color="red"
              loading={erase.isPending}
              onClick={() => erase.mutate()}
              data-testid="erase-confirm"
            >
              Обезличить
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
