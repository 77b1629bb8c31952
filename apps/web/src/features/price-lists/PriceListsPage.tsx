import { Alert, Anchor, Button, Card, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type PriceListVersionView, ruDate } from '@remed/core';
import { IconDownload, IconEdit, IconListDetails } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, isApiError } from '../../app/api.ts';
import { useCurrentClinic } from '../../app/clinic.tsx';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { priceListsUrl, usePriceLists, useRefreshPriceLists } from './api.ts';
import { errors, period, services, sourceLine, VersionStatus, warnings } from './labels.tsx';
import { UploadPanel } from './UploadPanel.tsx';

function checkLine(v: PriceListVersionView) {
  if (v.status !== 'draft') return v.warningCount ? warnings(v.warningCount) : '—';
  if (v.import.status !== 'done') return '—';
  if (!v.errorCount && !v.warningCount) return 'без замечаний';
  return [v.errorCount && errors(v.errorCount), v.warningCount && warnings(v.warningCount)]
    .filter(Boolean)
    .join(', ');
}

function History({ versions, clinicId }: { versions: PriceListVersionView[]; clinicId: string }) {
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const open = (v: PriceListVersionView) => `/clinic/price-lists/${v.id}`;
  if (narrow)
    return (
      <Stack gap="sm" data-testid="price-list-history">
        {versions.map((v) => (
          <Card key={v.id} withBorder padding="sm" data-testid="version-row">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={open(v)} fw={600}>
                Версия {v.number}
              </Anchor>
              <VersionStatus v={v} />
            </Group>
            <Text size="sm">
              {period(v)} · {services(v.rowCount)}
            </Text>
            <Text size="xs" c="dimmed">
              {sourceLine(v)}
              {v.author ? ` · ${v.author}` : ''} · {formatDateTime(v.createdAt)}
            </Text>
            <Text size="xs" c={v.errorCount ? 'red.8' : 'dimmed'}>
              Проверка: {checkLine(v)}
            </Text>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm" data-testid="price-list-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Версия</Table.Th>
            <Table.Th>Состояние</Table.Th>
            <Table.Th>Действует</Table.Th>
            <Table.Th>Откуда</Table.Th>
            <Table.Th>Автор</Table.Th>
            <Table.Th>Услуг</Table.Th>
            <Table.Th>Проверка</Table.Th>
            <Table.Th aria-label="Скачать" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.id} data-testid="version-row">
              <Table.Td>
                <Anchor component={Link} to={open(v)} fw={600} style={{ whiteSpace: 'nowrap' }}>
                  Версия {v.number}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <VersionStatus v={v} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{period(v)}</Table.Td>
              <Table.Td>
                <Text size="sm">{sourceLine(v)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{v.author ?? '—'}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(v.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>{v.rowCount.toLocaleString('ru-RU')}</Table.Td>
              <Table.Td>
                <Text size="sm" c={v.errorCount && v.status === 'draft' ? 'red.8' : undefined}>
                  {checkLine(v)}
                </Text>
              </Table.Td>
              <Table.Td>
                {v.import.status === 'done' && (
                  <Anchor
                    href={priceListsUrl(clinicId, `/${v.id}/download.xlsx`)}
                    download
                    size="sm"
                    aria-label={`Скачать версию ${v.number} в XLSX`}
                  >
                    <IconDownload size={18} aria-hidden />
                  </Anchor>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CurrentVersion({ v, clinicId }: { v: PriceListVersionView | undefined; clinicId: string }) {
  const navigate = useNavigate();
  const refresh = useRefreshPriceLists(clinicId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const edit = async () => {
    setBusy(true);
    setError(null);
    try {
      const draft = await api.post<{ id: string }>(priceListsUrl(clinicId, '/drafts'), {
        fromVersionId: v?.id ?? null,
      });
      await refresh();
      navigate(`/clinic/price-lists/${draft.id}`);
    } catch (e) {
      setError(isApiError(e) ? e.message : 'Не удалось создать черновик');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder padding="md" data-testid="price-list-current">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group align="flex-start" wrap="nowrap" gap="sm">
          <IconListDetails size={28} aria-hidden style={{ flexShrink: 0 }} />
          <Stack gap={2}>
            {v ? (
              <>
                <Text fw={600}>
                  Действует версия {v.number} {period(v)}
                </Text>
                <Text size="sm" c="dimmed">
                  {services(v.rowCount)}. По этим ценам медицинский пульт выдаёт гарантийные письма; в уже
                  выданных письмах цены не меняются.
                </Text>
              </>
            ) : (
              <>
                <Text fw={600}>Действующего прейскуранта нет</Text>
                <Text size="sm" c="dimmed">
                  Пока прейскурант не опубликован, пульт не может направлять к вам пациентов. Загрузите файл
                  или составьте прейскурант в кабинете.
                </Text>
              </>
            )}
          </Stack>
        </Group>
        <Group gap="xs">
          {v && (
            <Button
              component={Link}
              to={`/clinic/price-lists/${v.id}`}
              variant="light"
              data-testid="open-current"
            >
              Открыть
            </Button>
          )}
          <Button
            leftSection={<IconEdit size={16} />}
            onClick={edit}
            loading={busy}
            data-testid="edit-online"
          >
            {v ? 'Изменить в кабинете' : 'Составить в кабинете'}
          </Button>
        </Group>
      </Group>
      {error && (
        <Alert color="red" mt="sm" role="alert">
          {error}
        </Alert>
      )}
    </Card>
  );
}

export function PriceListsPage() {
  const user = useUser();
  const { clinic } = useCurrentClinic(user);
  if (!clinic)
    return (
      <Alert color="yellow" title="Учётная запись не привязана к клинике">
        Обратитесь к администратору, чтобы он указал вашу клинику.
      </Alert>
    );
  return <ClinicPriceLists clinicId={clinic.id} clinicName={clinic.name} />;
}

function ClinicPriceLists({ clinicId, clinicName }: { clinicId: string; clinicName: string }) {
  const lists = usePriceLists(clinicId);
  const current = lists.data?.versions.find((v) => v.id === lists.data?.currentId);
  const scheduled = lists.data?.versions.filter(
    (v) => v.status === 'published' && v.effectiveFrom! > lists.data!.today,
  );
  return (
    <Stack gap="md" data-testid="page-price-lists">
      <div>
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Прейскуранты
        </Title>
        <Text c="dimmed" size="sm">
          {clinicName}. Каждая загрузка или правка — новая версия: сначала черновик с проверкой каждой строки,
          затем публикация с выбранной даты.
        </Text>
      </div>
      {lists.isError && <QueryError error={lists.error} retry={() => lists.refetch()} />}
      {lists.isPending ? <Skeleton h={90} /> : <CurrentVersion v={current} clinicId={clinicId} />}
      {scheduled?.map((v) => (
        <Alert key={v.id} color="indigo" variant="light" data-testid="price-list-scheduled">
          Запланирована версия {v.number}: новые цены {period(v)}.{' '}
          <Anchor component={Link} to={`/clinic/price-lists/${v.id}`} size="sm">
            Открыть
          </Anchor>
        </Alert>
      ))}
      <UploadPanel clinicId={clinicId} />
      <Title order={2} size="h3">
        Версии
      </Title>
      {lists.data && lists.data.versions.length === 0 ? (
        <Text c="dimmed" data-testid="price-list-empty">
          Версий ещё нет. Скачайте шаблон, заполните его и загрузите — здесь появится первая версия.
        </Text>
      ) : (
        lists.data && <History versions={lists.data.versions} clinicId={clinicId} />
      )}
      {lists.data && (
        <Text size="xs" c="dimmed">
          Сегодня {ruDate(lists.data.today)}. Версия действует с даты публикации до даты следующей
          опубликованной версии; в прошлое опубликовать нельзя.
        </Text>
      )}
    </Stack>
  );
}
