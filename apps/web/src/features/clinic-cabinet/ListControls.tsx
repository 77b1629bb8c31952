import { Card, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { formatCount } from '../../app/format.ts';
import { ListPages } from '../../ui/ListPages.tsx';
import { TableFileButtons, type TableFormat } from '../../ui/ReportDownloads.tsx';

const backwards = (from: string, to: string) => !!from && !!to && to < from;

/**
 * One of a few states of the list, all in sight. `stackOnPhone`: too many to fit a phone's width in a row,
 * so there they stand one under another.
 */
export function ChoiceFilter<V extends string>({
  id,
  label,
  data,
  value,
  onChange,
  stackOnPhone = false,
}: {
  id: string;
  label: string;
  data: { value: V; label: string }[];
  value: V;
  onChange: (value: V) => void;
  stackOnPhone?: boolean;
}) {
  const phone = useMediaQuery('(max-width: 30em)', false, { getInitialValueInEffect: false });
  const stacked = stackOnPhone && phone;
  return (
    <Stack gap={4} style={stackOnPhone ? { maxWidth: '100%' } : undefined} w={stacked ? '100%' : undefined}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby={id}
        data={data}
        value={value}
        onChange={(v) => onChange(v as V)}
        {...(stackOnPhone && {
          orientation: stacked ? 'vertical' : 'horizontal',
          fullWidth: stacked,
          style: { maxWidth: '100%', overflowX: 'auto' },
        })}
      />
    </Stack>
  );
}

/** A period of days with two native date inputs: typed or picked, usable from the keyboard and on a phone. */
function PeriodInputs({
  from,
  to,
  onChange,
  label,
}: {
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
  label: string;
}) {
  const wrong = backwards(from, to) ? 'Конец периода раньше начала' : undefined;
  const edge = (text: string) => (
    <Text size="sm" c="dimmed" aria-hidden>
      {text}
    </Text>
  );
  return (
    <Stack gap={4} w={{ base: '100%', sm: 400 }}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <SimpleGrid cols={2} spacing="xs">
        <TextInput
          type="date"
          aria-label={`${label}: с`}
          leftSection={edge('с')}
          value={from}
          max={to || undefined}
          onChange={(e) => onChange(e.currentTarget.value, to)}
        />
        <TextInput
          type="date"
          aria-label={`${label}: по`}
          leftSection={edge('по')}
          value={to}
          min={from || undefined}
          onChange={(e) => onChange(from, e.currentTarget.value)}
          error={wrong}
        />
      </SimpleGrid>
    </Stack>
  );
}

/**
 * Files of what the filter shows: the same filter goes to the server, so the file matches the screen. There
 * is nothing to download from an empty list or for a period that ends before it starts.
 */
function ListDownloads({
  url,
  period,
  empty,
}: {
  url: (format: TableFormat) => string;
  period: { from: string; to: string };
  empty: boolean;
}) {
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" fw={500}>
        Скачать список:
      </Text>
      <TableFileButtons
        href={url}
        label={(format) => format.toUpperCase()}
        size="sm"
        iconSize={16}
        disabled={backwards(period.from, period.to) || empty}
        testIdPrefix="export-"
      />
    </Group>
  );
}

export function ListFooter({
  total,
  page,
  pageSize,
  onPage,
  noun,
}: {
  total: number | undefined;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  noun: string;
}) {
  if (total === undefined) return null;
  return (
    <ListPages
      summary={`${noun}: ${formatCount(total)}`}
      summaryTestId="list-total"
      total={total}
      pageSize={pageSize}
      page={page}
      onPage={onPage}
      gap="sm"
      size="sm"
      siblings={0}
    />
  );
}

/**
 * The head of a clinic's list: its search and filters (`fields`, then a `choice` of state beside the period)
 * in one card, and under it the files of what they show.
 */
export function ListHead({
  fields,
  choice,
  periodLabel,
  period,
  onPeriod,
  url,
  empty,
}: {
  fields: ReactNode;
  choice: ReactNode;
  periodLabel: string;
  period: { from: string; to: string };
  onPeriod: (period: { from: string; to: string }) => void;
  url: (format: TableFormat) => string;
  empty: boolean;
}) {
  return (
    <>
      <Card withBorder padding="sm">
        <Stack gap="sm">
          {fields}
          <Group gap="md" align="flex-end" wrap="wrap">
            {choice}
            <PeriodInputs
              label={periodLabel}
              from={period.from}
              to={period.to}
              onChange={(from, to) => onPeriod({ from, to })}
            />
          </Group>
        </Stack>
      </Card>
      <ListDownloads url={url} period={period} empty={empty} />
    </>
  );
}
