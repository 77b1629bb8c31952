import {
  ActionIcon,
  Badge,
  Card,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { formatRub } from '@remed/core';
import { IconSearch, IconTrash } from '@tabler/icons-react';
import { type KeyboardEvent, useState } from 'react';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { type ChosenService, type Coverage, type ServiceHit, useServiceSearch, VERDICT } from './api.ts';

interface Props {
  chosen: ChosenService[];
  approved: string[];
  coverage: Coverage | undefined;
  coverageError: unknown;
  onAdd: (hit: ServiceHit) => void;
  onQuantity: (code: string, quantity: number) => void;
  onRemove: (code: string) => void;
  onApprove: (code: string, approved: boolean) => void;
}

function SearchResults({
  hits,
  highlighted,
  onPick,
  onHover,
}: {
  hits: ServiceHit[];
  highlighted: number;
  onPick: (hit: ServiceHit) => void;
  onHover: (i: number) => void;
}) {
  return (
    <Stack
      gap={2}
      role="listbox"
      id="service-results"
      aria-label="Найденные услуги"
      data-testid="service-results"
    >
      {hits.map((h, i) => (
        <UnstyledButton
          key={h.serviceCode}
          id={`service-option-${i}`}
          role="option"
          aria-selected={i === highlighted}
          onClick={() => onPick(h)}
          onMouseEnter={() => onHover(i)}
          tabIndex={-1}
          p="xs"
          data-testid="service-result"
          style={{
            borderRadius: 'var(--mantine-radius-sm)',
            background: i === highlighted ? 'var(--mantine-color-teal-light)' : undefined,
          }}
        >
          <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Text size="sm">{h.name}</Text>
              <Text size="xs" c="dimmed">
                {h.serviceCode} · клиник: {h.clinics}
              </Text>
            </div>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              от {formatRub(h.minPrice, { short: true })}
            </Text>
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  );
}

/** Search by name or 804н code; arrows move, Enter adds the highlighted service. */
export function ServicePicker({
  chosen,
  approved,
  coverage,
  coverageError,
  onAdd,
  onQuantity,
  onRemove,
  onApprove,
}: Props) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 200);
  const search = useServiceSearch(debounced.trim());
  const hits = q.trim().length >= 2 ? (search.data ?? []) : [];
  const [rawHighlighted, setHighlighted] = useState(0);
  const highlighted = Math.max(0, Math.min(rawHighlighted, hits.length - 1));

  const pick = (hit: ServiceHit) => {
    onAdd(hit);
    setQ('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && hits.length) {
      e.preventDefault();
      setHighlighted((i) => (i + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length) {
      e.preventDefault();
      setHighlighted((i) => (i - 1 + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = hits[highlighted];
      if (hit) pick(hit);
    } else if (e.key === 'Escape') setQ('');
  };

  const verdictOf = (code: string) => coverage?.lines.find((l) => l.serviceCode === code)?.verdict;

  return (
    <Card withBorder padding="md" data-testid="service-picker">
      <Title order={2} size="h4" mb="sm">
        Услуги
      </Title>
      <TextInput
        aria-label="Поиск услуги"
        placeholder="Например: ЭКГ, УЗИ печени, терапевт повторный, B01.047.001"
        leftSection={<IconSearch size={16} />}
        rightSection={search.isFetching ? <Loader size="xs" /> : null}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setHighlighted(0);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="service-results"
        aria-activedescendant={hits.length ? `service-option-${highlighted}` : undefined}
        autoComplete="off"
        data-testid="service-search"
      />
      {search.isError && <QueryError error={search.error} />}
      {hits.length > 0 && (
        <Card withBorder padding={4} mt={4} shadow="sm">
          <SearchResults hits={hits} highlighted={highlighted} onPick={pick} onHover={setHighlighted} />
        </Card>
      )}
      {q.trim().length >= 2 && !search.isFetching && search.data?.length === 0 && (
        <Text size="sm" c="dimmed" mt={4}>
          Ничего не нашли. Попробуйте другое слово или код.
        </Text>
      )}
      <Stack gap="xs" mt="md" data-testid="chosen-services">
        {chosen.length === 0 && (
          <Text size="sm" c="dimmed">
            Выберите услуги: программа проверит покрытие, а ниже появятся клиники.
          </Text>
        )}
        {chosen.map((s) => {
          const verdict = verdictOf(s.serviceCode);
          const v = verdict ? VERDICT[verdict] : null;
          return (
            <Card
              key={s.serviceCode}
              withBorder
              padding="xs"
              data-testid="chosen-service"
              data-code={s.serviceCode}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm">{s.name}</Text>
                  <Group gap="xs" mt={2}>
                    <Text size="xs" c="dimmed">
                      {s.serviceCode}
                    </Text>
                    {v && (
                      <Badge
                        color={v.color}
                        variant="light"
                        style={{ textTransform: 'none' }}
                        data-testid="verdict"
                      >
                        {v.label}
                      </Badge>
                    )}
                  </Group>
                  {verdict === 'needs_approval' && (
                    <Checkbox
                      mt={6}
                      size="sm"
                      label="Согласовано врачом"
                      checked={approved.includes(s.serviceCode)}
                      onChange={(e) => onApprove(s.serviceCode, e.currentTarget.checked)}
                    />
                  )}
                </div>
                <Group gap={4} wrap="nowrap">
                  <NumberInput
                    aria-label={`Количество: ${s.name}`}
                    size="xs"
                    w={64}
                    min={1}
                    max={50}
                    clampBehavior="strict"
                    allowDecimal={false}
                    value={s.quantity}
                    onChange={(v) => typeof v === 'number' && v >= 1 && onQuantity(s.serviceCode, v)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Убрать: ${s.name}`}
                    onClick={() => onRemove(s.serviceCode)}
                  >
                    <IconTrash size={18} />
                  </ActionIcon>
                </Group>
              </Group>
            </Card>
          );
        })}
      </Stack>
      {coverageError != null && <QueryError error={coverageError} />}
      {coverage && chosen.length > 0 && !coverage.allAllowed && (
        <Text size="sm" c="red" mt="xs" data-testid="coverage-blocked">
          Письмо можно выдать только на услуги, которые входят в программу или согласованы врачом. Уберите
          остальные.
        </Text>
      )}
    </Card>
  );
}
