import { Avatar, Box, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SessionUser } from '@remed/core';
import { IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { roleLabel, userRoles } from '../navigation.ts';
import { useSession } from '../session.tsx';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .slice(0, 2)
    .map((p) => p[0] ?? '')
    .join('')
    .toUpperCase();

export function UserMenu({ user }: { user: SessionUser }) {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const roles = userRoles(user)
    .map((r) => roleLabel(user, r))
    .join(', ');

  const logout = async () => {
    try {
      await signOut();
    } catch {
      notifications.show({ color: 'yellow', message: 'Сервер не ответил, но на этом устройстве вы вышли' });
    }
    navigate('/login', { replace: true });
  };

  return (
    <Menu position="bottom-end" width={260}>
      <Menu.Target>
        <UnstyledButton aria-label={`Меню пользователя: ${user.fullName}`} data-testid="user-menu">
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
            <Avatar color="teal" radius="xl" size={36}>
              {initials(user.fullName)}
            </Avatar>
            <Box visibleFrom="sm" style={{ minWidth: 0, maxWidth: 300 }}>
              <Text size="sm" fw={600} truncate data-testid="user-name">
                {user.fullName}
              </Text>
              <Text size="xs" c="dimmed" truncate data-testid="user-role">
                {roles}
              </Text>
            </Box>
          </div>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.fullName}
          <br />
          {roles}
        </Menu.Label>
        <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} />}>
          Учётная запись
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={logout}>
          Выйти
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
