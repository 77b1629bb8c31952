import { Badge, Card, Group, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { formatRub, type PriceListDiffView, ruDate } from '@remed/core';
import { useState } from 'react';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { useDiff } from './api.ts';

type Filter = 'all' | 'added' | 'removed' | 'price' | 'renamed';
type Entry = PriceListDiffView['entries'][number];

const SHOWN = 300;

const matches = (e: Entry, f: Filter) =>
  f === 'all' ||
  (f === 'added' && e.kind === 'added') ||
  (f === 'removed' && e.kind === 'removed') ||
  (f === 'price' && e.priceChanged) ||
  (f === 'renamed' && e.renamed);

function Change({ e }: { e: Entry }) {
  if (e.kind === 'added')
    return (
      <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>
        новая услуга
      </Badge>
    );
  if (e.kind === 'removed')
    return (
      <Badge color="red" variant="light" style={{ textTransform: 'none' }}>
        убрана
      </Badge>
    );
  return (
    <Group gap={4}>
      {e.priceChanged && (
        <Badge color={e.percent! > 0 ? 'orange' : 'blue'} variant="light" style={{ textTransform: 'none' }}>
          {e.percent! > 0 ? '+' : ''}
          {String(e.percent).replace('.', ',')} %
        </Badge>
      )}
      {e.renamed && (
        <Badge color="grape" variant="light" style={{ textTransform: 'none' }}>
          новое название
        </Badge>
      )}
    </Group>
  );
}

/** What a version changes against the one before it. */
export function DiffView({
  clinicId,
  versionId,
  effectiveFrom,
}: {
  clinicId: string;
  versionId: string;
  effectiveFrom: string | null;
}) {
  const diff = useDiff(clinicId, versionId, effectiveFrom, true);
  const [filter, setFilter] = useState<Filter>('all');
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  if (diff.isError) return <QueryError error={diff.error} retry={() => diff.refetch()} />;
  if (!diff.data) return <Skeleton h={120} />;
  const d = diff.data;
  const shown = d.entries.filter((e) => matches(e, filter));
  return (
    <Stack gap="sm" data-testid="price-list-diff">
      <Text size="sm">
        {d.base
          ? `Сравнение с версией ${d.base.number}${d.base.effectiveFrom ? ` (действует с ${ruDate(d.base.effectiveFrom)})` : ''}, которая действует до начала этой.`
          : 'Предыдущей версии нет: все услуги новые.'}
        {d.skippedRows > 0 && ` Строк с ошибками в коде или цене не учтено: ${d.skippedRows}.`}
      </Text>
      <Group gap="xs" data-testid="diff-summary">
        <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>
          добавлено: {d.added}
        </Badge>
        <Badge color="red" variant="light" style={{ textTransform: 'none' }}>
          убрано: {d.removed}
        </Badge>
        <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
          новая цена: {d.priceChanged}
        </Badge>
        <Badge color="grape" variant="light" style={{ textTransform: 'none' }}>
          новое название: {d.renamed}
        </Badge>
        <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
          без изменений: {d.unchanged}
        </Badge>
      </Group>
      {d.entries.length > 0 && (
        <SegmentedControl
          aria-label="Какие изменения показать"
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={[
            { value: 'all', label: 'Все' },
            { value: 'added', label: 'Новые' },
            { value: 'removed', label: 'Убраны' },
            { value: 'price', label: 'Цена' },
            { value: 'renamed', label: 'Название' },
          ]}
          style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
        />
      )}
      {d.entries.length === 0 ? (
        <Text c="dimmed">Изменений нет.</Text>
      ) : narrow ? (
        <Stack gap="xs" data-testid="diff-table">
          {shown.slice(0, SHOWN).map((e) => (
            <Card key={e.serviceCode} withBorder padding="xs" data-testid="diff-entry" data-kind={e.kind}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text size="xs" c="dimmed">
                  {e.serviceCode}
                </Text>
                <Change e={e} />
              </Group>
              <Text size="sm">{e.name}</Text>
              {e.oldName && (
                <Text size="xs" c="dimmed" td="line-through">
                  {e.oldName}
                </Text>
              )}
              <Text size="sm" fw={600}>
                {e.oldPrice === null ? '' : formatRub(e.oldPrice)}
                {e.oldPrice !== null && e.newPrice !== null ? ' → ' : ''}
                {e.newPrice === null ? '' : formatRub(e.newPrice)}
              </Text>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="xs" data-testid="diff-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Код 804н</Table.Th>
                <Table.Th>Наименование</Table.Th>
                <Table.Th ta="right">Было</Table.Th>
                <Table.Th ta="right">Стало</Table.Th>
                <Table.Th>Изменение</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.slice(0, SHOWN).map((e) => (
                <Table.Tr key={e.serviceCode} data-testid="diff-entry" data-kind={e.kind}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.serviceCode}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.name}</Text>
                    {e.oldName && (
                      <Text size="xs" c="dimmed" td="line-through">
                        {e.oldName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {e.oldPrice === null ? '—' : formatRub(e.oldPrice)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {e.newPrice === null ? '—' : formatRub(e.newPrice)}
                  </Table.Td>
                  <Table.Td>
                    <Change e={e} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {(shown.length > SHOWN || d.truncated) && (
        <Text size="xs" c="dimmed">
          Показаны первые {Math.min(SHOWN, shown.length)} изменений. Полный список — в скачанных версиях.
        </Text>
      )}
    </Stack>
  );
}
