import { Card, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { LettersTable } from '../letters/LettersTable.tsx';
import { type LettersFilter, lettersExportUrl, PAGE, useClinicLetters } from './api.ts';
import { ExportButtons, ListFooter, PeriodInputs } from './ListControls.tsx';

const STATUSES = [
  { value: 'all', label: 'Все' },
  { value: 'issued', label: 'Действуют' },
  { value: 'used_up', label: 'Использованы' },
  { value: 'expired', label: 'Истекли' },
  { value: 'cancelled', label: 'Отменены' },
];

/** The guarantee letters addressed to one clinic: filters, pages and the same list as a file. */
export function ClinicLetters({ clinicId, clinicName }: { clinicId: string; clinicName: string }) {
  const [filter, setFilter] = useState<Omit<LettersFilter, 'q'>>({ status: null, from: '', to: '' });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  // Five states do not fit a phone's width in a row: there they stand one under another, all in sight.
  const narrow = useMediaQuery('(max-width: 30em)', false, { getInitialValueInEffect: false });
  const full: LettersFilter = { ...filter, q };
  const letters = useClinicLetters(clinicId, full, page);
  const badPeriod = !!filter.from && !!filter.to && filter.to < filter.from;
  const change = (next: Partial<LettersFilter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage(1);
  };
  const filtered = !!(q || filter.status || filter.from || filter.to);

  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        Письма, по которым пациенты придут в {clinicName}. Откройте письмо, чтобы увидеть услуги и скачать
        PDF.
      </Text>
      <Card withBorder padding="sm">
        <Stack gap="sm">
          <TextInput
            label="Поиск"
            description="Номер письма, ФИО пациента или номер полиса"
            placeholder="Например, ГП-2026 или Иванова"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setPage(1);
            }}
            aria-label="Поиск по номеру письма, ФИО или полису"
          />
          <Group gap="md" align="flex-end" wrap="wrap">
            <Stack gap={4} style={{ maxWidth: '100%' }} w={narrow ? '100%' : undefined}>
              <Text size="sm" fw={500} id="letters-status-label">
                Состояние
              </Text>
              <SegmentedControl
                aria-labelledby="letters-status-label"
                data={STATUSES}
                orientation={narrow ? 'vertical' : 'horizontal'}
                fullWidth={narrow}
                value={filter.status ?? 'all'}
                onChange={(v) => change({ status: v === 'all' ? null : (v as LettersFilter['status']) })}
                style={{ maxWidth: '100%', overflowX: 'auto' }}
              />
            </Stack>
            <PeriodInputs
              label="Дата выдачи"
              from={filter.from}
              to={filter.to}
              onChange={(from, to) => change({ from, to })}
            />
          </Group>
        </Stack>
      </Card>
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={500}>
          Скачать список:
        </Text>
        <ExportButtons
          url={(format) => lettersExportUrl(clinicId, full, format)}
          disabled={badPeriod || letters.data?.total === 0}
        />
      </Group>
      {letters.isError && <QueryError error={letters.error} retry={() => letters.refetch()} />}
      <LettersTable letters={letters.data?.items} loading={letters.isLoading} />
      {letters.data?.total === 0 && (
        <Text c="dimmed" ta="center" py="md" data-testid="letters-empty">
          {filtered
            ? 'Писем не нашли. Измените условия поиска.'
            : 'Гарантийных писем пока нет. Когда медицинский пульт направит к вам пациента, письмо появится здесь.'}
        </Text>
      )}
      <ListFooter total={letters.data?.total} page={page} pageSize={PAGE} onPage={setPage} noun="Писем" />
    </Stack>
  );
}
