import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type PriceListVersionDetail, ruDate } from '@remed/core';
import { IconAlertCircle, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, isApiError } from '../../app/api.ts';
import { priceListsUrl, useRefreshPriceLists } from './api.ts';
import { errors, services, warnings } from './labels.tsx';

/** Publishing a draft from a chosen date, or throwing the draft away. */
export function PublishPanel({
  clinicId,
  version,
  date,
  onDate,
}: {
  clinicId: string;
  version: PriceListVersionDetail;
  date: string;
  onDate: (date: string) => void;
}) {
  const navigate = useNavigate();
  const refresh = useRefreshPriceLists(clinicId);
  const [busy, setBusy] = useState<'publish' | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const blocked = version.errorCount > 0;

  const publish = async () => {
    if (!date) {
      setDateError('Выберите дату');
      return;
    }
    setBusy('publish');
    setError(null);
    setDateError(null);
    try {
      await api.post(priceListsUrl(clinicId, `/${version.id}/publish`), { effectiveFrom: date });
      await refresh();
      notifications.show({
        color: 'teal',
        message: `Версия ${version.number} опубликована: новые цены с ${ruDate(date)}`,
      });
    } catch (e) {
      if (isApiError(e) && e.fields.effectiveFrom) setDateError(e.fields.effectiveFrom);
      else setError(isApiError(e) ? e.message : 'Не удалось опубликовать');
    } finally {
      setBusy(null);
    }
  };

  const discard = async () => {
    setBusy('delete');
    setError(null);
    try {
      await api.delete(priceListsUrl(clinicId, `/${version.id}`));
      await refresh();
      notifications.show({ color: 'teal', message: `Черновик версии ${version.number} удалён` });
      navigate('/clinic/price-lists');
    } catch (e) {
      setError(isApiError(e) ? e.message : 'Не удалось удалить черновик');
      setBusy(null);
    }
  };

  return (
    <Card withBorder padding="md" data-testid="publish-panel">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Публикация
        </Title>
        <Text size="sm" data-testid="draft-summary">
          {services(version.rowCount)}
          {version.errorCount ? `, ${errors(version.errorCount)}` : ''}
          {version.warningCount ? `, ${warnings(version.warningCount)}` : ''}.{' '}
          {blocked
            ? 'Исправьте ошибки в строках или загрузите исправленный файл — тогда черновик можно будет опубликовать.'
            : 'Проверьте изменения и выберите дату, с которой действуют новые цены.'}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            type="date"
            label="Действует с"
            description={`Не раньше сегодняшнего дня (${ruDate(version.today)}): цены прошедших дней не меняются. Письма, выданные раньше, сохраняют свои цены.`}
            min={version.today}
            value={date}
            onChange={(e) => {
              onDate(e.currentTarget.value);
              setDateError(null);
            }}
            error={dateError}
            maw={420}
            data-testid="publish-date"
          />
          <Button
            onClick={publish}
            loading={busy === 'publish'}
            disabled={blocked || busy !== null}
            data-testid="publish"
          >
            Опубликовать
          </Button>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={discard}
            loading={busy === 'delete'}
            disabled={busy !== null}
            data-testid="discard-draft"
          >
            Удалить черновик
          </Button>
        </Group>
        {error && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
