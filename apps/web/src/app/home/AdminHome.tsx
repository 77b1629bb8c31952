import { Card, Group, SimpleGrid, Skeleton, Text, ThemeIcon } from '@mantine/core';
import { type Icon, IconActivity, IconFileText, IconLock, IconMail, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { QueryError } from '../errors/QueryError.tsx';
import { formatCount } from '../format.ts';
import { HomeHeader } from './parts.tsx';
import { useHomeSummary } from './useHomeSummary.ts';

interface Stat {
  label: string;
  value: number;
  icon: Icon;
  to?: string;
  hint: string;
}

function StatCard({ stat }: { stat: Stat }) {
  const body = (
    <Group justify="space-between" wrap="nowrap" align="flex-start">
      <div>
        <Text size="sm" c="dimmed">
          {stat.label}
        </Text>
        <Text fz={32} fw={700} lh={1.2}>
          {formatCount(stat.value)}
        </Text>
        <Text size="xs" c="dimmed">
          {stat.hint}
        </Text>
      </div>
      <ThemeIcon variant="light" size={40} aria-hidden>
        <stat.icon size={22} />
      </ThemeIcon>
    </Group>
  );
  return stat.to ? (
    <Card withBorder padding="md" component={Link} to={stat.to} aria-label={`${stat.label}: ${stat.value}`}>
      {body}
    </Card>
  ) : (
    <Card withBorder padding="md">
      {body}
    </Card>
  );
}

export function AdminHome() {
  const summary = useHomeSummary();
  const a = summary.data?.admin;
  const stats: Stat[] = a
    ? [
        {
          label: 'Пользователи',
          value: a.users,
          icon: IconUsers,
          to: '/admin/users',
          hint: 'все учётные записи',
        },
        {
          label: 'Заблокированы',
          value: a.blockedUsers,
          icon: IconLock,
          to: '/admin/users?blocked=true',
          hint: 'не могут войти',
        },
        { label: 'Активные сеансы', value: a.activeSessions, icon: IconActivity, hint: 'сейчас в системе' },
        {
          label: 'Письма в очереди',
          value: a.outboxPending,
          icon: IconMail,
          to: '/admin/outbox',
          hint: 'ещё не отправлены',
        },
        {
          label: 'Действий сегодня',
          value: a.auditToday,
          icon: IconFileText,
          to: '/admin/audit',
          hint: 'записей в журнале',
        },
      ]
    : [];

  return (
    <section data-testid="home-admin">
      <HomeHeader
        title="Администрирование"
        subtitle="Пользователи и роли, журнал действий, исходящие письма и SMS, сверка выплат по СБП. Справочники, настройки и резервные копии появятся позже."
      />
      {summary.isError ? (
        <QueryError error={summary.error} retry={() => summary.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="md">
          {summary.isPending
            ? Array.from({ length: 5 }, (_, i) => <Skeleton key={String(i)} h={110} />)
            : stats.map((s) => <StatCard key={s.label} stat={s} />)}
        </SimpleGrid>
      )}
    </section>
  );
}
