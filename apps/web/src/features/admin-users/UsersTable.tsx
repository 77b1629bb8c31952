import { Badge, Button, Group, Skeleton, Table, Text, VisuallyHidden } from '@mantine/core';
import { ROLE_TITLES, type UserView } from '@remed/core';
import { formatDateTime } from '../../app/format.ts';

const organisation = (u: UserView) =>
  [...u.clinics.map((c) => c.name), u.insurer?.name, u.policyholder?.name].filter(Boolean).join('; ') || '—';

interface Props {
  users: UserView[] | undefined;
  loading: boolean;
  onEdit: (id: string) => void;
}

export function UsersTable({ users, loading, onEdit }: Props) {
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
          {users?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text c="dimmed" ta="center" py="md">
                  Никого не нашли. Измените условия поиска.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {users?.map((u) => (
            <Table.Tr key={u.id} data-testid="user-row">
              <Table.Td>
                <Text fw={600} size="sm">
                  {u.fullName}
                </Text>
                <Text size="xs" c="dimmed">
                  {[u.email, u.phone].filter(Boolean).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {u.roles.map((r) => (
                    <Badge key={r} variant="light" size="sm" style={{ textTransform: 'none' }}>
                      {r === 'oms_rep' && u.omsLevel ? `${ROLE_TITLES[r]} · ${u.omsLevel}` : ROLE_TITLES[r]}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{organisation(u)}</Text>
              </Table.Td>
              <Table.Td>
                {u.blocked ? (
                  <Badge color="red" variant="light" style={{ textTransform: 'none' }}>
                    Заблокирован
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>
                    Активен
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(u.lastLoginAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onEdit(u.id)}
                  aria-label={`Изменить: ${u.fullName}`}
                >
                  Изменить
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
