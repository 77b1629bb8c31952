import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDate } from '../../app/format.ts';
import { FilterBar, FilterDate, FilterSelect } from '../../ui/FilterFields.tsx';
import { useListParams } from '../../ui/useListParams.ts';
import { useActors } from '../admin-users/api.ts';
import { useAdminViews, usePersonSearch, type ViewFilters } from './api.ts';
import { PersonPanel } from './PersonPanel.tsx';
import { ViewLogTable } from './ViewLogTable.tsx';

/** The admin's 152-ФЗ desk: who looked at whose health data, and a person's export or erasure on request. */
export function AdminPersonalDataPage() {
  const { params, set } = useListParams();
  const filters: ViewFilters = {
    personId: params.get('personId'),
    userId: params.get('userId'),
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const personName = params.get('personName');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const persons = usePersonSearch(debounced);
  const users = useActors();
  const views = useAdminViews(filters);
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const items = views.data?.pages.flatMap((p) => p.items) ?? [];
  const userOptions = (users.data?.items ?? [])
    .filter((u) => u.roles.some((r) => r !== 'insured'))
    .map((u) => ({ value: u.id, label: u.fullName }));
  if (filters.userId && !userOptions.some((o) => o.value === filters.userId))
    userOptions.push({ value: filters.userId, label: params.get('userName') ?? 'Выбранный пользователь' });

  return (
    <Stack gap="md" data-testid="page-personal-data">
      <Title order={1} fz={{ base: 24, sm: 30 }}>
        Персональные данные
      </Title>
      <Text c="dimmed" size="sm">
        Журнал показывает каждый просмотр медицинских данных застрахованных сотрудниками: кто, когда, что и
        зачем открыл. Здесь же — выгрузка и обезличивание данных по письменному заявлению человека.
      </Text>
      <Stack gap={6}>
        <TextInput
          label="Застрахованный"
          placeholder="ФИО, номер полиса или телефон"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid="person-search"
        />
        {persons.data && debounced.trim().length >= 2 && (
          <Group gap="xs" wrap="wrap">
            {persons.data.length ? (
              persons.data.map((p) => (
                <Button
                  key={p.id}
                  size="xs"
                  h="auto"
                  py={6}
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                  variant={filters.personId === p.id ? 'filled' : 'light'}
                  onClick={() => set({ personId: p.id, personName: p.fullName })}
                  data-testid="person-option"
                >
                  {p.fullName}, {formatDate(p.birthDate)}
                  {p.policyNumbers.length ? ` · ${p.policyNumbers.join(', ')}` : ''}
                  {p.erasedAt ? ' · обезличен' : ''}
                </Button>
              ))
            ) : (
              <Text size="sm" c="dimmed">
                Никого не нашли
              </Text>
            )}
          </Group>
        )}
      </Stack>
      {filters.personId && (
        <PersonPanel
          key={filters.personId}
          id={filters.personId}
          name={personName ?? 'Выбранный застрахованный'}
          onClose={() => set({ personId: null, personName: null })}
        />
      )}
      <Title order={2} size="h3">
        Журнал просмотров
      </Title>
      <FilterBar data-testid="view-filters">
        <FilterSelect
          label="Кто смотрел"
          placeholder="Все сотрудники"
          data={userOptions}
          value={filters.userId}
          onChange={(v) => set({ userId: v, userName: null })}
          searchable
          nothingFoundMessage="Никого не нашли"
          basis="2 1 220px"
        />
        <FilterDate
          label="С даты"
          value={filters.from}
          onChange={(v) => set({ from: v })}
          basis="1 1 150px"
        />
        <FilterDate label="По дату" value={filters.to} onChange={(v) => set({ to: v })} basis="1 1 150px" />
      </FilterBar>
      {views.isError ? (
        <QueryError error={views.error} retry={() => views.refetch()} />
      ) : (
        <ViewLogTable
          items={items}
          loading={views.isPending}
          narrow={narrow}
          onPerson={(id, name) => set({ personId: id, personName: name })}
          onUser={(id, name) => set({ userId: id, userName: name })}
        />
      )}
      {views.hasNextPage && (
        <Button variant="default" onClick={() => views.fetchNextPage()} loading={views.isFetchingNextPage}>
          Показать ещё
        </Button>
      )}
    </Stack>
  );
}
