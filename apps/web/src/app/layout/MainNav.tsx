import { Divider, NavLink, Stack } from '@mantine/core';
import type { SessionUser } from '@remed/core';
import { IconLogout } from '@tabler/icons-react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ChatUnreadBadge } from '../../features/chat/ChatUnreadBadge.tsx';
import { navFor } from '../navigation.ts';
import { useSession } from '../session.tsx';

export function MainNav({ user, onNavigate }: { user: SessionUser; onNavigate: () => void }) {
  const { pathname } = useLocation();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const items = navFor(user);
  const under = (to: string) =>
    to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
  // «/console/reviews» is its own section, not part of «/console»: the longest matching address wins.
  const current = items
    .filter((i) => under(i.to))
    .reduce<string | null>((best, i) => (best === null || i.to.length > best.length ? i.to : best), null);
  const isActive = (to: string) => to === current;
  const logout = () => {
    signOut()
      .catch(() => undefined)
      .finally(() => navigate('/login', { replace: true }));
  };
  return (
    <Stack component="nav" gap={4} h="100%" data-testid="main-nav">
      {items.map((item) => (
        <NavLink
          key={item.to}
          component={Link}
          to={item.to}
          label={item.label}
          leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
          rightSection={item.badge === 'chat' ? <ChatUnreadBadge user={user} /> : undefined}
          active={isActive(item.to)}
          aria-current={isActive(item.to) ? 'page' : undefined}
          onClick={onNavigate}
          variant="light"
          color="teal"
        />
      ))}
      <Divider mt="auto" />
      <NavLink
        component="button"
        label="Выйти"
        leftSection={<IconLogout size={20} stroke={1.6} aria-hidden />}
        onClick={logout}
        c="red.8"
      />
    </Stack>
  );
}
