import { Card, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import {
  CONTRACT_STATUS_LABELS,
  DOCUMENT_STATUS_LABELS,
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  EDO_EVENT_LABELS,
  type HistoryEvent,
} from '@remed/core';
import { useState } from 'react';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';
import { emptyHistoryFilters, type HistoryFilters, useHistory } from './api.ts';
import { EdoFilters } from './EdoFilters.tsx';

const KINDS = [
  { value: 'contract', label: 'Договор' },
  { value: 'supplement', label: 'Доп. соглашение' },
  ...DOCUMENT_TYPES.map((t) => ({ value: t, label: DOCUMENT_TYPE_LABELS[t] })),
];
const STATUS_LABELS: Record<string, string> = { ...CONTRACT_STATUS_LABELS, ...DOCUMENT_STATUS_LABELS };
const STATUSES = Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }));
const SIDES = { service: 'сервис', clinic: 'клиника' } as const;

const who = (e: HistoryEvent) => `${e.actorName}${e.actorSide ? ` (${SIDES[e.actorSide]})` : ''}`;

/** Who did what and when with the clinic's contracts and documents, searchable. */
export function HistoryPanel({ clinicId, all }: { clinicId: string | null; all: boolean }) {
  const [f, setF] = useState<HistoryFilters>(emptyHistoryFilters);
  const [q] = useDebouncedValue(f.q, 300);
  const history = useHistory({ clinicId, all }, { ...f, q });
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });

  return (
    <Stack gap="sm" data-testid="history">
      <EdoFilters
        value={f}
        onChange={(patch) => setF((x) => ({ ...x, ...patch }))}
        kind={{ key: 'kind', label: 'Что', placeholder: 'Все документы', data: KINDS, basis: '1 1 160px' }}
        status={{ label: 'Состояние сейчас', data: STATUSES, basis: '1 1 180px' }}
        period={{ from: 'С даты', to: 'По дату' }}
        searchHint="Номер, файл, человек, причина"
      />
      {history.isError && <QueryError error={history.error} retry={() => history.refetch()} />}
      {history.isPending && <Skeleton h={120} />}
      {history.data?.length === 0 && (
        <Text c="dimmed" ta="center" py="md">
          Действий не найдено.
        </Text>
      )}
      {narrow
        ? history.data?.map((e) => (
            <Card key={e.id} withBorder padding="sm" data-testid="history-row">
              <Text size="sm" fw={600}>
                {EDO_EVENT_LABELS[e.action]}: {e.title}
              </Text>
              <Text size="sm">{who(e)}</Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at)}
                {all ? ` · ${e.clinicName}` : ''}
              </Text>
              {e.details && (
                <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                  {e.details}
                </Text>
              )}
            </Card>
          ))
        : !!history.data?.length && (
            <Table.ScrollContainer minWidth={760}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Когда</Table.Th>
                    {all && <Table.Th>Клиника</Table.Th>}
                    <Table.Th>Документ</Table.Th>
                    <Table.Th>Действие</Table.Th>
                    <Table.Th>Кто</Table.Th>
                    <Table.Th>Подробности</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {history.data?.map((e) => (
                    <Table.Tr key={e.id} data-testid="history-row">
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                      {all && <Table.Td>{e.clinicName}</Table.Td>}
                      <Table.Td>{e.title}</Table.Td>
                      <Table.Td>{EDO_EVENT_LABELS[e.action]}</Table.Td>
                      <Table.Td>{who(e)}</Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }} lineClamp={2}>
                          {e.details ?? ''}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
    </Stack>
  );
}
