import { Button, Card, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { UserView } from '@remed/core';
import { formatDateTime } from '../../app/format.ts';
import { UserStatus } from './UserStatus.tsx';
import { organisationOf, rolesOf } from './userLabels.ts';

interface Props {
  users: UserView[] | undefined;
  loading: boolean;
  onEdit: (id: string) => void;
}

function EditButton({ user, onEdit }: { user: UserView; onEdit: (id: string) => void }) {
  return (
    <Button
      size="xs"
      variant="light"
      onClick={() => onEdit(user.id)}
      aria-label={`Изменить: ${user.fullName}`}
    >
      Изменить
    </Button>
  );
}

function Contacts({ user }: { user: UserView }) {
  return (
    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
      {[user.email, user.phone].filter(Boolean).join(' · ')}
    </Text>
  );
}

/** On a phone each user is a card: a wide table would make people scroll sideways to find the button. */
function UserCards({ users, loading, onEdit }: Props) {
  return (
    <Stack gap="sm" data-testid="users-table">
      {loading && Array.from({ length: 4 }, (_, i) => <Skeleton key={String(i)} h={110} />)}
      {users?.map((u) => (
        <Card key={u.id} withBorder padding="sm" data-testid="user-row">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Text fw={600}>{u.fullName}</Text>
              <Contacts user={u} />
            </div>
            <EditButton user={u} onEdit={onEdit} />
          </Group>
          <Text size="sm" mt={6}>
            {rolesOf(u)}
          </Text>
          {organisationOf(u) !== '—' && (
            <Text size="sm" c="dimmed">
              {organisationOf(u)}
            </Text>
          )}
          <Group gap="xs" mt={6}>
            <UserStatus user={u} />
            <Text size="xs" c="dimmed">
              Вход: {formatDateTime(u.lastLoginAt)}
            </Text>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function UserRows({ users, loading, onEdit }: Props) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Пользователь</Table.Th>
            <Table.Th>Роли</Table.Th>
            <Table.Th>Организация</Table.Th>
            <Table.Th>Состояние</Table.Th>
            <Table.Th>Последний вход</Table.Th>
            <Table.Th>
              <VisuallyHidden>Действия</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading &&
            Array.from({ length: 5 }, (_, i) => (
              <Table.Tr key={String(i)}>
                <Table.Td colSpan={6}>
                  <Skeleton h={24} />
                </Table.Td>
              </Table.Tr>
            ))}
          {users?.map((u) => (
            <Table.Tr key={u.id} data-testid="user-row">
              <Table.Td>
                <Text fw={600} size="sm">
                  {u.fullName}
                </Text>
                <Contacts user={u} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{rolesOf(u)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{organisationOf(u)}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <UserStatus user={u} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(u.lastLoginAt)}</Text>
              </Table.Td>
              <Table.Td>
                <EditButton user={u} onEdit={onEdit} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function UsersTable(props: Props) {
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const empty = props.users?.length === 0;
  return (
    <>
      {narrow ? <UserCards {...props} /> : <UserRows {...props} />}
      {empty && (
        <Text c="dimmed" ta="center" py="md">
          Никого не нашли. Измените условия поиска.
        </Text>
      )}
    </>
  );
}
