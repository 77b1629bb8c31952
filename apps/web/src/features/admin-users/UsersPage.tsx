import { Button, Group, Stack, Title } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { ROLE_TITLES, ROLES } from '@remed/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { FilterBar, FilterSelect, SearchInput } from '../../ui/FilterFields.tsx';
import { ListPages } from '../../ui/ListPages.tsx';
import { useListParams } from '../../ui/useListParams.ts';
import { PAGE_SIZE, useUsers } from './api.ts';
import { CreateUserModal } from './CreateUserModal.tsx';
import { EditUserDrawer } from './EditUserDrawer.tsx';
import { UsersTable } from './UsersTable.tsx';

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_TITLES[r] }));
const blockedOptions = [
  { value: 'false', label: 'Активные' },
  { value: 'true', label: 'Заблокированные' },
];

export function UsersPage() {
  const { params, page, set } = useListParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [editing, setEditing] = useState<string | null>(null);
  const role = params.get('role');
  const blocked = params.get('blocked');

  const pushSearch = useDebouncedCallback((value: string) => set({ q: value.trim() || null }), 300);
  const users = useUsers({ q: params.get('q') ?? '', role, blocked, page });

  return (
    <Stack gap="md" data-testid="page-users">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Пользователи
        </Title>
        <Button leftSection={<IconPlus size={18} />} onClick={openCreate}>
          Новый пользователь
        </Button>
      </Group>
      <FilterBar>
        <SearchInput
          label="Поиск"
          placeholder="ФИО, e-mail или телефон"
          value={search}
          onChange={(value) => {
            setSearch(value);
            pushSearch(value);
          }}
          basis="2 1 240px"
        />
        <FilterSelect
          label="Роль"
          placeholder="Все роли"
          data={roleOptions}
          value={role}
          onChange={(v) => set({ role: v })}
          basis="1 1 180px"
        />
        <FilterSelect
          label="Состояние"
          placeholder="Все"
          data={blockedOptions}
          value={blocked}
          onChange={(v) => set({ blocked: v })}
          basis="1 1 160px"
        />
      </FilterBar>
      {users.isError ? (
        <QueryError error={users.error} retry={() => users.refetch()} />
      ) : (
        <>
          <UsersTable users={users.data?.items} loading={users.isPending} onEdit={setEditing} />
          <ListPages
            summary={users.data ? `Найдено: ${users.data.total}` : ' '}
            total={users.data?.total}
            pageSize={PAGE_SIZE}
            page={page}
            onPage={(p) => set({ page: String(p) })}
            getControlProps={(control) => ({
              'aria-label': control === 'next' ? 'Следующая страница' : 'Предыдущая страница',
            })}
          />
        </>
      )}
      <CreateUserModal opened={creating} onClose={closeCreate} />
      <EditUserDrawer userId={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
