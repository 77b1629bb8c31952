import { Button, Group, Pagination, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import type { PriceListVersionDetail } from '@remed/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { ROWS_PAGE, useRows } from './api.ts';
import { RowCards } from './RowCards.tsx';
import { RowGrid } from './RowGrid.tsx';
import { useRowEditing } from './useRowEditing.ts';

/** Search, the «only rows with remarks» switch of a draft, and adding a row where the version can change. */
function RowsToolbar({
  search,
  onSearch,
  onlyIssues,
  onOnlyIssues,
  onAdd,
  adding,
}: {
  search: string;
  onSearch: (value: string) => void;
  /** Null where the switch is not offered: only a draft has it. */
  onlyIssues: boolean | null;
  onOnlyIssues: (value: boolean) => void;
  onAdd: (() => void) | null;
  adding: boolean;
}) {
  return (
    <Group gap="sm" wrap="wrap" align="flex-end">
      <TextInput
        label="Поиск"
        description="Код 804н, код клиники или слово из названия"
        placeholder="Например, B01.047 или терапевт"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
        style={{ flex: '1 1 240px' }}
      />
      {onlyIssues !== null && (
        <Switch
          label="Только строки с замечаниями"
          checked={onlyIssues}
          onChange={(e) => onOnlyIssues(e.currentTarget.checked)}
          mb={6}
        />
      )}
      {onAdd && (
        <Button
          leftSection={<IconPlus size={16} />}
          variant="light"
          onClick={onAdd}
          disabled={adding}
          data-testid="row-add"
        >
          Добавить строку
        </Button>
      )}
    </Group>
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
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [onlyIssues, setOnlyIssues] = useState(false);
  const edit = useRowEditing(clinicId, version.id);
  const { setEditing } = edit;
  const rows = useRows(clinicId, version.id, {
    page,
    q,
    filter: onlyIssues ? 'issues' : 'all',
    enabled: version.import.status === 'done',
  });
  const pages = Math.max(1, Math.ceil((rows.data?.total ?? 0) / ROWS_PAGE));
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const Layout = narrow ? RowCards : RowGrid;

  useEffect(() => {
    if (!focus) return;
    setOnlyIssues(true);
    setSearch('');
    setPage(focus.page);
    setEditing(focus.rowId);
  }, [focus, setEditing]);

  return (
    <Stack gap="sm" data-testid="price-list-rows">
      <RowsToolbar
        search={search}
        onSearch={(v) => {
          setSearch(v);
          setPage(1);
        }}
        onlyIssues={version.status === 'draft' ? onlyIssues : null}
        onOnlyIssues={(v) => {
          setOnlyIssues(v);
          setPage(1);
        }}
        onAdd={editable ? () => setEditing('new') : null}
        adding={edit.editing === 'new'}
      />
      {rows.isError && <QueryError error={rows.error} retry={() => rows.refetch()} />}
      <Layout
        clinicId={clinicId}
        versionId={version.id}
        items={rows.data?.items}
        pending={rows.isPending}
        empty={q || onlyIssues ? 'Ничего не найдено.' : 'Строк пока нет: добавьте первую.'}
        editable={editable}
        edit={edit}
      />
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          {rows.data ? `Строк: ${rows.data.total.toLocaleString('ru-RU')}` : ''}
        </Text>
        {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
      </Group>
    </Stack>
  );
}
