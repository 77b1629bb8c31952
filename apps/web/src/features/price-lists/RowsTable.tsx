import {
  ActionIcon,
  Button,
  Card,
  Group,
  Pagination,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { formatRub, type PriceListRowView, type PriceListVersionDetail } from '@remed/core';
import { IconEdit, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api, isApiError } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { priceListsUrl, ROWS_PAGE, useRefreshPriceLists, useRows } from './api.ts';
import { RowForm } from './RowForm.tsx';

const COLUMNS = 7;

function RowIssues({ row }: { row: PriceListRowView }) {
  if (!row.issues.length) return null;
  return (
    <Stack gap={0} mt={4}>
      {row.issues.map((i) => (
        <Text
          key={`${i.column}-${i.message}`}
          size="xs"
          c={i.severity === 'error' ? 'red.8' : 'yellow.9'}
          data-testid="row-issue"
        >
          {i.column}: {i.message}
        </Text>
      ))}
    </Stack>
  );
}

function RowActions({
  row,
  deleting,
  onEdit,
  onDelete,
}: {
  row: PriceListRowView;
  deleting: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label="Изменить строку">
        <ActionIcon
          variant="subtle"
          aria-label={`Изменить строку ${row.line}`}
          data-edit-row={row.id}
          onClick={onEdit}
        >
          <IconEdit size={18} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Удалить строку">
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={`Удалить строку ${row.line}`}
          loading={deleting}
          onClick={onDelete}
        >
          <IconTrash size={18} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

function Price({ row }: { row: PriceListRowView }) {
  return row.price === null ? (
    <Text span c="red.8" size="sm">
      {row.priceText || '—'}
    </Text>
  ) : (
    formatRub(row.price)
  );
}

/**
 * The rows of a version, a page at a time. In a draft each row can be changed in place or deleted and
 * rows can be added; a published version is read only.
 */
export function RowsTable({
  clinicId,
  version,
  focus,
}: {
  clinicId: string;
  version: PriceListVersionDetail;
  /** A row to open for fixing (from the check report), with the page it is on among rows with remarks. */
  focus: { rowId: string; page: number } | null;
}) {
  const editable = version.status === 'draft' && version.import.status === 'done';
  const refresh = useRefreshPriceLists(clinicId);
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [onlyIssues, setOnlyIssues] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const rows = useRows(clinicId, version.id, {
    page,
    q,
    filter: onlyIssues ? 'issues' : 'all',
    enabled: version.import.status === 'done',
  });
  const pages = Math.max(1, Math.ceil((rows.data?.total ?? 0) / ROWS_PAGE));
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });

  useEffect(() => {
    if (!focus) return;
    setOnlyIssues(true);
    setSearch('');
    setPage(focus.page);
    setEditing(focus.rowId);
  }, [focus]);

  const done = (savedId: string | null) => {
    setEditing(null);
    if (savedId)
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`[data-edit-row="${savedId}"]`)?.focus(),
      );
  };

  const remove = async (row: PriceListRowView) => {
    setDeleting(row.id);
    try {
      await api.delete(priceListsUrl(clinicId, `/${version.id}/rows/${row.id}`));
      await refresh();
      notifications.show({ color: 'teal', message: `Строка ${row.line} удалена` });
    } catch (e) {
      notifications.show({ color: 'red', message: isApiError(e) ? e.message : 'Не удалось удалить строку' });
    } finally {
      setDeleting(null);
    }
  };

  return (
    <Stack gap="sm" data-testid="price-list-rows">
      <Group gap="sm" wrap="wrap" align="flex-end">
        <TextInput
          label="Поиск"
          description="Код 804н, код клиники или слово из названия"
          placeholder="Например, B01.047 или терапевт"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: '1 1 240px' }}
        />
        {version.status === 'draft' && (
          <Switch
            label="Только строки с замечаниями"
            checked={onlyIssues}
            onChange={(e) => {
              setOnlyIssues(e.currentTarget.checked);
              setPage(1);
            }}
            mb={6}
          />
        )}
        {editable && (
          <Button
            leftSection={<IconPlus size={16} />}
            variant="light"
            onClick={() => setEditing('new')}
            disabled={editing === 'new'}
            data-testid="row-add"
          >
            Добавить строку
          </Button>
        )}
      </Group>
      {rows.isError && <QueryError error={rows.error} retry={() => rows.refetch()} />}
      {narrow ? (
        <Stack gap="sm" data-testid="rows-table">
          {editing === 'new' && (
            <Card withBorder padding="sm">
              <RowForm clinicId={clinicId} versionId={version.id} row={null} onDone={done} />
            </Card>
          )}
          {rows.isPending && <Skeleton h={80} />}
          {rows.data?.items.length === 0 && (
            <Text c="dimmed" size="sm">
              {q || onlyIssues ? 'Ничего не найдено.' : 'Строк пока нет: добавьте первую.'}
            </Text>
          )}
          {rows.data?.items.map((r) => (
            <Card
              key={r.id}
              withBorder
              padding="sm"
              data-testid="price-row"
              data-line={r.line}
              bg={r.issues.some((i) => i.severity === 'error') ? 'red.0' : undefined}
            >
              {editing === r.id ? (
                <RowForm clinicId={clinicId} versionId={version.id} row={r} onDone={done} />
              ) : (
                <Stack gap={2}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Text size="xs" c="dimmed">
                      Строка {r.line} · {r.clinicCode} · {r.serviceCode}
                    </Text>
                    {editable && (
                      <RowActions
                        row={r}
                        deleting={deleting === r.id}
                        onEdit={() => setEditing(r.id)}
                        onDelete={() => remove(r)}
                      />
                    )}
                  </Group>
                  <Text size="sm">{r.name}</Text>
                  <Text size="sm" fw={600}>
                    <Price row={r} />
                  </Text>
                  {r.note && (
                    <Text size="xs" c="dimmed">
                      {r.note}
                    </Text>
                  )}
                  <RowIssues row={r} />
                </Stack>
              )}
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="xs" striped data-testid="rows-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>Строка</Table.Th>
                <Table.Th w={110}>Код клиники</Table.Th>
                <Table.Th w={140}>Код 804н</Table.Th>
                <Table.Th>Наименование</Table.Th>
                <Table.Th w={130} ta="right">
                  Цена
                </Table.Th>
                <Table.Th w={180}>Примечание</Table.Th>
                <Table.Th w={editable ? 90 : 0} aria-label={editable ? 'Действия' : undefined} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {editing === 'new' && (
                <Table.Tr>
                  <Table.Td colSpan={COLUMNS}>
                    <RowForm clinicId={clinicId} versionId={version.id} row={null} onDone={done} />
                  </Table.Td>
                </Table.Tr>
              )}
              {rows.isPending && (
                <Table.Tr>
                  <Table.Td colSpan={COLUMNS}>
                    <Skeleton h={24} />
                  </Table.Td>
                </Table.Tr>
              )}
              {rows.data?.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={COLUMNS}>
                    <Text c="dimmed" size="sm">
                      {q || onlyIssues ? 'Ничего не найдено.' : 'Строк пока нет: добавьте первую.'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {rows.data?.items.map((r) =>
                editing === r.id ? (
                  <Table.Tr key={r.id}>
                    <Table.Td colSpan={COLUMNS}>
                      <RowForm clinicId={clinicId} versionId={version.id} row={r} onDone={done} />
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr
                    key={r.id}
                    data-testid="price-row"
                    data-line={r.line}
                    bg={r.issues.some((i) => i.severity === 'error') ? 'red.0' : undefined}
                  >
                    <Table.Td>{r.line}</Table.Td>
                    <Table.Td>{r.clinicCode}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.serviceCode}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.name}</Text>
                      <RowIssues row={r} />
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      <Price row={r} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.note ?? ''}</Text>
                    </Table.Td>
                    <Table.Td>
                      {editable && (
                        <RowActions
                          row={r}
                          deleting={deleting === r.id}
                          onEdit={() => setEditing(r.id)}
                          onDelete={() => remove(r)}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          {rows.data ? `Строк: ${rows.data.total.toLocaleString('ru-RU')}` : ''}
        </Text>
        {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
      </Group>
    </Stack>
  );
}
