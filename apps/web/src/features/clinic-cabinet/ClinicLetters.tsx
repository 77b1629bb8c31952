import { Stack, Text } from '@mantine/core';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { SearchInput } from '../../ui/FilterFields.tsx';
import { useListFilter } from '../../ui/useListFilter.ts';
import { LettersTable } from '../letters/LettersTable.tsx';
import { type LettersFilter, lettersExportUrl, PAGE, useClinicLetters } from './api.ts';
import { ChoiceFilter, ListFooter, ListHead } from './ListControls.tsx';

const STATUSES = [
  { value: 'all', label: 'Все' },
  { value: 'issued', label: 'Действуют' },
  { value: 'used_up', label: 'Использованы' },
  { value: 'expired', label: 'Истекли' },
  { value: 'cancelled', label: 'Отменены' },
];

/** The guarantee letters addressed to one clinic: filters, pages and the same list as a file. */
export function ClinicLetters({ clinicId, clinicName }: { clinicId: string; clinicName: string }) {
  const { filter, change, search, setSearch, q, page, setPage } = useListFilter<Omit<LettersFilter, 'q'>>({
    status: null,
    from: '',
    to: '',
  });
  const full: LettersFilter = { ...filter, q };
  const letters = useClinicLetters(clinicId, full, page);
  const filtered = !!(q || filter.status || filter.from || filter.to);

  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        Письма, по которым пациенты придут в {clinicName}. Откройте письмо, чтобы увидеть услуги и скачать
        PDF.
      </Text>
      <ListHead
        fields={
          <SearchInput
            label="Поиск"
            description="Номер письма, ФИО пациента или номер полиса"
            placeholder="Например, ГП-2026 или Иванова"
            value={search}
            onChange={setSearch}
            aria-label="Поиск по номеру письма, ФИО или полису"
          />
        }
        choice={
          <ChoiceFilter
            id="letters-status-label"
            label="Состояние"
            data={STATUSES}
            value={filter.status ?? 'all'}
            onChange={(v) => change({ status: v === 'all' ? null : (v as LettersFilter['status']) })}
            stackOnPhone
          />
        }
        periodLabel="Дата выдачи"
        period={filter}
        onPeriod={change}
        url={(format) => lettersExportUrl(clinicId, full, format)}
        empty={letters.data?.total === 0}
      />
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
