import { FilterBar, FilterDate, FilterSelect, FilterText } from '../../ui/FilterFields.tsx';

type Option = { value: string; label: string };
type Choice = { label: string; placeholder: string; data: Option[]; basis: string };

/** What the document list and the history are both narrowed by: a state, a period of days and free text. */
interface EdoFilterFields {
  status: string | null;
  from: string;
  to: string;
  q: string;
}

/**
 * The filter row of the document exchange: the kind of paper (`kind.key` names its filter), its state,
 * a period and a search. A cleared choice shows everything; an emptied date or search is the empty text.
 */
export function EdoFilters<K extends string>({
  value,
  onChange,
  kind,
  status,
  period,
  searchHint,
  'data-testid': testId,
}: {
  value: EdoFilterFields & Record<K, string | null>;
  onChange: (patch: Partial<EdoFilterFields> | Partial<Record<K, string | null>>) => void;
  kind: Choice & { key: K };
  status: Omit<Choice, 'placeholder'>;
  period: { from: string; to: string };
  searchHint: string;
  'data-testid'?: string;
}) {
  return (
    <FilterBar data-testid={testId}>
      <FilterSelect
        label={kind.label}
        placeholder={kind.placeholder}
        data={kind.data}
        value={value[kind.key]}
        onChange={(v) => onChange({ [kind.key]: v } as Partial<Record<K, string | null>>)}
        basis={kind.basis}
      />
      <FilterSelect
        label={status.label}
        placeholder="Любое"
        data={status.data}
        value={value.status}
        onChange={(v) => onChange({ status: v })}
        basis={status.basis}
      />
      <FilterDate
        label={period.from}
        value={value.from}
        onChange={(v) => onChange({ from: v ?? '' })}
        basis="1 1 140px"
      />
      <FilterDate
        label={period.to}
        value={value.to}
        onChange={(v) => onChange({ to: v ?? '' })}
        basis="1 1 140px"
      />
      <FilterText
        label="Поиск"
        description={searchHint}
        value={value.q}
        onChange={(q) => onChange({ q })}
        basis="2 1 200px"
      />
    </FilterBar>
  );
}
