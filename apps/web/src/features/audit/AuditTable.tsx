import { ActionIcon, Code, SimpleGrid, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { AuditEntry } from '@remed/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment } from 'react';
import { formatDateTime } from '../../app/format.ts';
import { ACTION_LABELS, entityLabel } from './actions.ts';

export function Json({ title, value }: { title: string; value: unknown }) {
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Text size="xs" fw={600} c="dimmed">
        {title}
      </Text>
      <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {value == null ? '—' : JSON.stringify(value, null, 2)}
      </Code>
    </Stack>
  );
}

export interface AuditListProps {
  entries: AuditEntry[] | undefined;
  loading: boolean;
  open: Set<string>;
  toggle: (id: string) => void;
}

export function AuditTable({ entries, loading, open, toggle }: AuditListProps) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <VisuallyHidden>Подробности</VisuallyHidden>
            </Table.Th>
            <Table.Th>Время</Table.Th>
            <Table.Th>Кто</Table.Th>
            <Table.Th>Действие</Table.Th>
            <Table.Th>Объект</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading &&
            Array.from({ length: 6 }, (_, i) => (
              <Table.Tr key={String(i)}>
                <Table.Td colSpan={5}>
                  <Skeleton h={22} />
                </Table.Td>
              </Table.Tr>
            ))}
          {entries?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text c="dimmed" ta="center" py="md">
                  Записей нет. Измените фильтры.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {entries?.map((e) => {
            const expanded = open.has(e.id);
            const hasDetails = e.before != null || e.after != null;
            return (
              <Fragment key={e.id}>
                <Table.Tr data-testid="audit-row" data-action={e.action}>
                  <Table.Td>
                    {hasDetails && (
                      <ActionIcon
                        variant="subtle"
                        onClick={() => toggle(e.id)}
                        aria-expanded={expanded}
                        aria-label={expanded ? 'Скрыть подробности' : 'Показать подробности'}
                      >
                        {expanded ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
                      </ActionIcon>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{formatDateTime(e.at)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.actorName ?? 'Система'}</Text>
                    {e.ip && (
                      <Text size="xs" c="dimmed">
                        IP {e.ip}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{ACTION_LABELS[e.action] ?? e.action}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {e.action}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entityLabel(e.entityType)}</Text>
                    {e.entityId && (
                      <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                        {e.entityId}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr>
                    <Table.Td colSpan={5} bg="gray.0">
                      <SimpleGrid cols={{ base: 1, sm: 2 }}>
                        <Json title="Было" value={e.before} />
                        <Json title="Стало" value={e.after} />
                      </SimpleGrid>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
