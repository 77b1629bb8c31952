import { FilterBar, FilterDate, FilterSelect } from '../../ui/FilterFields.tsx';
import { useActors } from '../admin-users/api.ts';
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
  const actors = useActors();
  const actorOptions = (actors.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.fullName}${u.email ? ` (${u.email})` : ''}`,
  }));

  return (
    <FilterBar data-testid="audit-filters">
      <FilterSelect
        label="Действие"
        placeholder="Все действия"
        data={ACTION_PREFIXES}
        value={value.action}
        onChange={(v) => onChange('action', v)}
        basis="1 1 170px"
      />
      <FilterSelect
        label="Объект"
        placeholder="Все объекты"
        data={ENTITY_TYPES}
        value={value.entityType}
        onChange={(v) => onChange('entityType', v)}
        basis="1 1 150px"
      />
      <FilterSelect
        label="Кто"
        placeholder="Все пользователи"
        data={actorOptions}
        value={value.actorId}
        onChange={(v) => onChange('actorId', v)}
        searchable
        nothingFoundMessage="Никого не нашли"
        basis="2 1 220px"
      />
      <FilterDate label="С даты" value={value.from} onChange={(v) => onChange('from', v)} basis="1 1 150px" />
      <FilterDate label="По дату" value={value.to} onChange={(v) => onChange('to', v)} basis="1 1 150px" />
    </FilterBar>
  );
}
