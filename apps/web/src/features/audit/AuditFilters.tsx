import { Group, Select, TextInput } from '@mantine/core';
import type { UserView } from '@remed/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { ACTION_PREFIXES, ENTITY_TYPES } from './actions.ts';

export interface AuditFilterValues {
  action: string | null;
  entityType: string | null;
  actorId: string | null;
  from: string;
  to: string;
}

interface Props {
  value: AuditFilterValues;
  onChange: (key: keyof AuditFilterValues, value: string | null) => void;
}

export function AuditFilters({ value, onChange }: Props) {
  const actors = useQuery({
    queryKey: ['admin', 'users', 'actors'],
    queryFn: () => api.get<{ items: UserView[] }>('/api/admin/users?limit=200'),
    staleTime: 60_000,
  });
  const actorOptions = (actors.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.fullName}${u.email ? ` (${u.email})` : ''}`,
  }));

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="audit-filters">
      <Select
        label="Действие"
        placeholder="Все действия"
        data={ACTION_PREFIXES}
        value={value.action}
        onChange={(v) => onChange('action', v)}
        clearable
        style={{ flex: '1 1 170px' }}
      />
      <Select
        label="Объект"
        placeholder="Все объекты"
        data={ENTITY_TYPES}
        value={value.entityType}
        onChange={(v) => onChange('entityType', v)}
        clearable
        style={{ flex: '1 1 150px' }}
      />
      <Select
        label="Кто"
        placeholder="Все пользователи"
        data={actorOptions}
        value={value.actorId}
        onChange={(v) => onChange('actorId', v)}
        searchable
        clearable
        nothingFoundMessage="Никого не нашли"
        style={{ flex: '2 1 220px' }}
      />
      <TextInput
        label="С даты"
        type="date"
        value={value.from}
        onChange={(e) => onChange('from', e.currentTarget.value || null)}
        style={{ flex: '1 1 150px' }}
      />
      <TextInput
        label="По дату"
        type="date"
        value={value.to}
        onChange={(e) => onChange('to', e.currentTarget.value || null)}
        style={{ flex: '1 1 150px' }}
      />
    </Group>
  );
}
