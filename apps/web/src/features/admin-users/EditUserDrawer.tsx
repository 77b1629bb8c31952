import { Anchor, Badge, Divider, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { UserView } from '@remed/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';
import { AdminSecondFactorSection } from '../second-factor/AdminSecondFactorSection.tsx';
import { usersKey } from './api.ts';
import { BlockUserSection } from './BlockUserSection.tsx';
import { EditUserForm } from './EditUserForm.tsx';
import { ResetPasswordForm } from './ResetPasswordForm.tsx';

export function EditUserDrawer({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const user = useQuery({
    queryKey: [...usersKey, 'one', userId],
    queryFn: () => api.get<UserView>(`/api/admin/users/${userId}`),
    enabled: userId !== null,
  });

  return (
    <Drawer
      opened={userId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        <Title order={2} size="h3">
          Пользователь
        </Title>
      }
    >
      {user.isPending && <Loader aria-label="Загрузка" />}
      {user.isError && <QueryError error={user.error} retry={() => user.refetch()} />}
      {user.data && (
        <Stack gap="lg" data-testid="edit-user">
          <div>
            <Group gap="xs">
              <Text fw={600}>{user.data.fullName}</Text>
              {user.data.blocked && <Badge color="red">заблокирован</Badge>}
              {user.data.mustChangePassword && <Badge color="yellow">сменит пароль при входе</Badge>}
            </Group>
            <Text size="sm" c="dimmed">
              Создан {formatDateTime(user.data.createdAt)} · последний вход{' '}
              {formatDateTime(user.data.lastLoginAt)}
            </Text>
          </div>
          <EditUserForm key={user.data.id} user={user.data} />
          <Divider label="Пароль" labelPosition="left" />
          <ResetPasswordForm userId={user.data.id} />
          <Divider label="Вход с кодом из телефона" labelPosition="left" />
          <AdminSecondFactorSection userId={user.data.id} />
          <Divider label="Доступ" labelPosition="left" />
          <BlockUserSection user={user.data} />
          <Anchor component={Link} to={`/admin/audit?entityType=user&entityId=${user.data.id}`} size="sm">
            Журнал действий по этому пользователю
          </Anchor>
        </Stack>
      )}
    </Drawer>
  );
}
