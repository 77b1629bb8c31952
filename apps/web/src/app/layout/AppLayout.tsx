import { Anchor, AppShell, Box, Burger, Group, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { ChatUnreadBadge } from '../../features/chat/ChatUnreadBadge.tsx';
import { ChatLive } from '../../features/chat/live.tsx';
import { NotificationBell } from '../../features/notifications/NotificationBell.tsx';
import { ErrorBoundary } from '../errors/ErrorBoundary.tsx';
import { useUser } from '../session.tsx';
import { ClinicSwitcher } from './ClinicSwitcher.tsx';
import { MainNav } from './MainNav.tsx';
import { UserMenu } from './UserMenu.tsx';

export function AppLayout() {
  const user = useUser();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();

  return (
    <ChatLive user={user}>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? 'Закрыть меню' : 'Открыть меню'}
              />
              {!opened && (
                <Box hiddenFrom="sm">
                  <ChatUnreadBadge user={user} />
                </Box>
              )}
              <UnstyledButton component={Link} to="/" aria-label="remed — на главную">
                <Text fw={800} fz="xl" c="teal.8">
                  remed
                </Text>
              </UnstyledButton>
            </Group>
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              {user.clinics.length > 0 && <ClinicSwitcher user={user} />}
              <NotificationBell />
              <UserMenu user={user} />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" aria-label="Разделы">
          {/* The clinic cabinet has many sections: on a short screen the menu scrolls. */}
          <AppShell.Section grow component={ScrollArea} type="auto" scrollbarSize={6}>
            <MainNav user={user} onNavigate={close} />
          </AppShell.Section>
          <AppShell.Section pt="xs">
            <Anchor component={Link} to="/privacy" size="xs" c="dimmed" onClick={close}>
              Политика обработки персональных данных
            </Anchor>
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main>
          <ErrorBoundary key={pathname}>
            <Suspense>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </AppShell.Main>
      </AppShell>
    </ChatLive>
  );
}
