import { Anchor, Card, Skeleton, Stack, Table, Text } from '@mantine/core';
import { type AdminHealthView, VIEW_RECORD_LABELS } from '@remed/core';
import { formatDateTime } from '../../app/format.ts';

interface Props {
  items: AdminHealthView[];
  loading: boolean;
  narrow: boolean;
  onPerson(id: string, name: string): void;
  onUser(id: string, name: string): void;
}

const what = (v: AdminHealthView) =>
  `${VIEW_RECORD_LABELS[v.recordType]}${v.recordLabel ? ` ${v.recordLabel}` : ''}`;
const who = (v: AdminHealthView) => `${v.viewerRole}${v.organisation ? `, ${v.organisation}` : ''}`;

/** The view log rows; a name is a link that narrows the log to that person or that user. */
export function ViewLogTable({ items, loading, narrow, onPerson, onUser }: Props) {
  if (loading) return <Skeleton h={200} />;
  if (!items.length) return <Text c="dimmed">Просмотров с такими условиями нет.</Text>;
  const person = (v: AdminHealthView) => (
    <Anchor
      component="button"
      type="button"
      size="sm"
      ta="left"
      onClick={() => onPerson(v.insuredPersonId, v.insuredName)}
    >
      {v.insuredName}
    </Anchor>
  );
  const viewer = (v: AdminHealthView) =>
    v.viewerUserId ? (
      <Anchor
        component="button"
        type="button"
        size="sm"
        ta="left"
        onClick={() => onUser(v.viewerUserId!, v.viewerName)}
      >
        {v.viewerName}
      </Anchor>
    ) : (
      v.viewerName
    );
  if (narrow)
    return (
      <Stack gap="xs" data-testid="view-log">
        {items.map((v) => (
          <Card withBorder padding="sm" key={v.id} data-testid="view-log-row">
            <Text size="sm" c="dimmed">
              {formatDateTime(v.at)}
            </Text>
            <Text size="sm">Чьи данные: {person(v)}</Text>
            <Text size="sm">
              Кто: {viewer(v)} · {who(v)}
            </Text>
            <Text size="sm">
              {what(v)} — {v.purpose.toLowerCase()}
            </Text>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" striped data-testid="view-log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Когда</Table.Th>
            <Table.Th>Чьи данные</Table.Th>
            <Table.Th>Кто смотрел</Table.Th>
            <Table.Th>Что</Table.Th>
            <Table.Th>Зачем</Table.Th>
            <Table.Th>IP</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((v) => (
            <Table.Tr key={v.id} data-testid="view-log-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.at)}</Table.Td>
              <Table.Td>{person(v)}</Table.Td>
              <Table.Td>
                {viewer(v)}
                <Text size="xs" c="dimmed">
                  {who(v)}
                </Text>
              </Table.Td>
              <Table.Td>{what(v)}</Table.Td>
              <Table.Td>{v.purpose}</Table.Td>
              <Table.Td>{v.ip ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
