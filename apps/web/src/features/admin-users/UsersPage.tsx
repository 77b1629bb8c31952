import { Button, Group, Pagination, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { ROLE_TITLES, ROLES } from '@remed/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../app/errors/QueryError.tsx';
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
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [editing, setEditing] = useState<string | null>(null);
  const role = params.get('role');
  const blocked = params.get('blocked');
  const page = Math.max(1, Number(params.get('page')) || 1);

  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );

  const pushSearch = useDebouncedCallback((value: string) => setParam('q', value.trim() || null), 300);
  const users = useUsers({ q: params.get('q') ?? '', role, blocked, page });
  const pages = Math.max(1, Math.ceil((users.data?.total ?? 0) / PAGE_SIZE));

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
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Поиск"
          placeholder="ФИО, e-mail или телефон"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            pushSearch(e.currentTarget.value);
          }}
          style={{ flex: '2 1 240px' }}
        />
        <Select
          label="Роль"
          placeholder="Все роли"
          data={roleOptions}
          value={role}
          onChange={(v) => setParam('role', v)}
          clearable
          style={{ flex: '1 1 180px' }}
        />
        <Select
          label="Состояние"
          placeholder="Все"
          data={blockedOptions}
          value={blocked}
          onChange={(v) => setParam('blocked', v)}
          clearable
          style={{ flex: '1 1 160px' }}
        />
      </Group>
      {users.isError ? (
        <QueryError error={users.error} retry={() => users.refetch()} />
      ) : (
        <>
          <UsersTable users={users.data?.items} loading={users.isPending} onEdit={setEditing} />
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">
              {users.data ? `Найдено: ${users.data.total}` : ' '}
            </Text>
            {pages > 1 && (
              <Pagination
                total={pages}
                value={page}
                onChange={(p) => setParam('page', String(p))}
                getControlProps={(control) => ({
                  'aria-label': control === 'next' ? 'Следующая страница' : 'Предыдущая страница',
                })}
              />
            )}
          </Group>
        </>
      )}
      <CreateUserModal opened={creating} onClose={closeCreate} />
      <EditUserDrawer userId={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
