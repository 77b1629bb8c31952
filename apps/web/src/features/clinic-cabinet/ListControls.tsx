import { Button, Group, Pagination, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { formatCount } from '../../app/format.ts';

/** A period of days with two native date inputs: typed or picked, usable from the keyboard and on a phone. */
export function PeriodInputs({
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
  const wrong = from && to && to < from ? 'Конец периода раньше начала' : undefined;
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

/** Files of what the filter shows: the same filter goes to the server, so the file matches the screen. */
export function ExportButtons({
  url,
  disabled,
}: {
  url: (format: 'xlsx' | 'csv') => string;
  disabled: boolean;
}) {
  return (
    <Group gap="xs">
      {(['xlsx', 'csv'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={disabled ? undefined : url(format)}
          download
          variant="light"
          size="sm"
          leftSection={<IconDownload size={16} />}
          data-disabled={disabled || undefined}
          onClick={(e) => disabled && e.preventDefault()}
          data-testid={`export-${format}`}
        >
          {format.toUpperCase()}
        </Button>
      ))}
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
  const pages = Math.ceil(total / pageSize);
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" data-testid="list-total">
        {noun}: {formatCount(total)}
      </Text>
      {pages > 1 && <Pagination total={pages} value={page} onChange={onPage} size="sm" siblings={0} />}
    </Group>
  );
}
