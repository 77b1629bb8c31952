import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Progress,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import type { PriceListVersionDetail } from '@remed/core';
import { IconAlertCircle, IconArrowLeft, IconDownload, IconEdit } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../app/api.ts';
import { useCurrentClinic } from '../../app/clinic.tsx';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { isImporting, priceListsUrl, ROWS_PAGE, useRefreshPriceLists, useVersion } from './api.ts';
import { CheckReport } from './CheckReport.tsx';
import { DiffView } from './DiffView.tsx';
import { period, sourceLine, VersionStatus } from './labels.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { RowsTable } from './RowsTable.tsx';

type Tab = 'check' | 'rows' | 'diff';

function ImportProgress({ v }: { v: PriceListVersionDetail }) {
  const share = v.import.totalRows ? Math.round((v.import.processedRows / v.import.totalRows) * 100) : 0;
  return (
    <Card withBorder padding="md" data-testid="import-progress">
      <Stack gap={6}>
        <Text size="sm">
          {v.import.status === 'queued'
            ? 'Файл в очереди на проверку…'
            : v.import.totalRows === 0
              ? 'Читаем файл…'
              : `Проверено и записано строк: ${v.import.processedRows.toLocaleString('ru-RU')} из ${v.import.totalRows.toLocaleString('ru-RU')}`}
        </Text>
        <Progress
          value={v.import.totalRows ? share : 100}
          animated
          striped
          size="lg"
          aria-label="Ход проверки файла"
        />
      </Stack>
    </Card>
  );
}

/** Rows with remarks in file order: the page of the rows table a given row is on when only they are shown. */
function pageOfIssueRow(v: PriceListVersionDetail, rowId: string) {
  const lines = new Map<string, number>();
  for (const i of v.issues) if (i.rowId && i.row !== null) lines.set(i.rowId, i.row);
  const ordered = [...lines].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  return Math.floor(Math.max(0, ordered.indexOf(rowId)) / ROWS_PAGE) + 1;
}

export function VersionPage() {
  const user = useUser();
  const { clinic } = useCurrentClinic(user);
  const { versionId = '' } = useParams();
  const navigate = useNavigate();
  // A version belongs to the clinic it was opened under: switching clinics goes back to the list.
  const openedFor = useRef(clinic?.id);
  useEffect(() => {
    if (clinic?.id !== openedFor.current) navigate('/clinic/price-lists');
  }, [clinic?.id, navigate]);
  if (!clinic) return null;
  return <Version key={versionId} clinicId={clinic.id} versionId={versionId} />;
}

function Version({ clinicId, versionId }: { clinicId: string; versionId: string }) {
  const version = useVersion(clinicId, versionId);
  const navigate = useNavigate();
  const refresh = useRefreshPriceLists(clinicId);
  const [tab, setTab] = useState<Tab | null>(null);
  const [date, setDate] = useState<string>('');
  const [focus, setFocus] = useState<{ rowId: string; page: number } | null>(null);
  const [copying, setCopying] = useState(false);
  const [copyError, setCopyError] = useState<string | null>(null);
  const v = version.data;

  useEffect(() => {
    if (v && !date) setDate(v.today);
  }, [v, date]);

  if (version.isError)
    return (
      <Stack gap="md">
        <BackLink />
        <QueryError error={version.error} retry={() => version.refetch()} />
      </Stack>
    );
  if (!v) return <Skeleton h={240} />;

  const draft = v.status === 'draft';
  const ready = v.import.status === 'done';
  const current: Tab = tab ?? (draft && v.issuesTotal > 0 ? 'check' : draft ? 'diff' : 'rows');

  const copy = async () => {
    setCopying(true);
    setCopyError(null);
    try {
      const d = await api.post<{ id: string }>(priceListsUrl(clinicId, '/drafts'), { fromVersionId: v.id });
      await refresh();
      navigate(`/clinic/price-lists/${d.id}`);
    } catch (e) {
      setCopyError(isApiError(e) ? e.message : 'Не удалось создать черновик');
    } finally {
      setCopying(false);
    }
  };

  return (
    <Stack gap="md" data-testid="page-price-list-version" data-status={v.status}>
      <BackLink />
      <div>
        <Group gap="sm" align="center">
          <Title order={1} fz={{ base: 24, sm: 30 }}>
            Прейскурант, версия {v.number}
          </Title>
          <VersionStatus v={v} />
        </Group>
        <Text c="dimmed" size="sm">
          {draft ? 'Черновик' : `Действует ${period(v)}`} · {sourceLine(v)}
          {v.author ? ` · загрузил(а) ${v.author}` : ''} · {formatDateTime(v.createdAt)}
          {v.publishedAt && ` · опубликовал(а) ${v.publishedBy ?? '—'} ${formatDateTime(v.publishedAt)}`}
        </Text>
      </div>

      {isImporting(v) && <ImportProgress v={v} />}
      {v.import.status === 'failed' && (
        <Alert color="red" icon={<IconAlertCircle />} title="Файл не загружен" data-testid="import-failed">
          <Stack gap="xs">
            <Text size="sm">{v.issues[0]?.message}</Text>
            <Group gap="xs">
              <Button component={Link} to="/clinic/price-lists" size="xs" variant="white">
                Загрузить другой файл
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {draft && !isImporting(v) && (
        <PublishPanel clinicId={clinicId} version={v} date={date} onDate={setDate} />
      )}
      {!draft && (
        <Group gap="xs">
          <Button
            component="a"
            href={priceListsUrl(clinicId, `/${v.id}/download.xlsx`)}
            download
            variant="light"
            leftSection={<IconDownload size={16} />}
          >
            Скачать XLSX
          </Button>
          <Button
            leftSection={<IconEdit size={16} />}
            onClick={copy}
            loading={copying}
            variant="light"
            title="Создаётся черновик с теми же строками: правьте его и опубликуйте с нужной даты"
          >
            Изменить в черновике
          </Button>
          {copyError && (
            <Text c="red.8" size="sm" role="alert">
              {copyError}
            </Text>
          )}
        </Group>
      )}
      {draft && ready && (
        <Anchor href={priceListsUrl(clinicId, `/${v.id}/download.xlsx`)} download size="sm">
          <IconDownload size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> Скачать черновик в XLSX с
          замечаниями проверки, чтобы исправить в Excel и загрузить снова
        </Anchor>
      )}

      {ready && (
        <Tabs value={current} onChange={(t) => setTab(t as Tab)} keepMounted={false}>
          <Tabs.List>
            {draft && (
              <Tabs.Tab value="check" data-testid="tab-check">
                Проверка{v.issuesTotal ? ` (${v.issuesTotal})` : ''}
              </Tabs.Tab>
            )}
            <Tabs.Tab value="rows" data-testid="tab-rows">
              Строки ({v.rowCount.toLocaleString('ru-RU')})
            </Tabs.Tab>
            <Tabs.Tab value="diff" data-testid="tab-diff">
              Изменения
            </Tabs.Tab>
          </Tabs.List>
          {draft && (
            <Tabs.Panel value="check" pt="md">
              <CheckReport
                version={v}
                clinicId={clinicId}
                onFix={(rowId) => {
                  setFocus({ rowId, page: pageOfIssueRow(v, rowId) });
                  setTab('rows');
                }}
              />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="rows" pt="md">
            <RowsTable clinicId={clinicId} version={v} focus={focus} />
          </Tabs.Panel>
          <Tabs.Panel value="diff" pt="md">
            <DiffView clinicId={clinicId} versionId={v.id} effectiveFrom={draft ? date || null : null} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}

function BackLink() {
  return (
    <Anchor component={Link} to="/clinic/price-lists" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={16} aria-hidden />
        Все версии прейскуранта
      </Group>
    </Anchor>
  );
}
