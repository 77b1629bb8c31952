import { Skeleton, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { RowForm } from './RowForm.tsx';
import { Price, RowActions, RowIssues, type RowListProps, type RowProps, rowBg } from './RowParts.tsx';

const COLUMNS = 7;

/** A line of the table that spans every column: a form, a placeholder or a note. */
function WideRow({ children }: { children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={COLUMNS}>{children}</Table.Td>
    </Table.Tr>
  );
}

function RowLine({ row: r, editable, edit }: RowProps) {
  return (
    <Table.Tr data-testid="price-row" data-line={r.line} bg={rowBg(r)}>
      <Table.Td>{r.line}</Table.Td>
      <Table.Td>{r.clinicCode}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.serviceCode}</Table.Td>
      <Table.Td>
        <Text size="sm">{r.name}</Text>
        <RowIssues row={r} />
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        <Price row={r} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{r.note ?? ''}</Text>
      </Table.Td>
      <Table.Td>{editable && <RowActions row={r} edit={edit} />}</Table.Td>
    </Table.Tr>
  );
}

/** The rows as a table, for a desk; a row being edited turns into its form across the whole width. */
export function RowGrid({ clinicId, versionId, items, pending, empty, editable, edit }: RowListProps) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" striped data-testid="rows-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>Строка</Table.Th>
            <Table.Th w={110}>Код клиники</Table.Th>
            <Table.Th w={140}>Код 804н</Table.Th>
            <Table.Th>Наименование</Table.Th>
            <Table.Th w={130} ta="right">
              Цена
            </Table.Th>
            <Table.Th w={180}>Примечание</Table.Th>
            <Table.Th w={editable ? 90 : 0} aria-label={editable ? 'Действия' : undefined} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {edit.editing === 'new' && (
            <WideRow>
              <RowForm clinicId={clinicId} versionId={versionId} row={null} onDone={edit.done} />
            </WideRow>
          )}
          {pending && (
            <WideRow>
              <Skeleton h={24} />
            </WideRow>
          )}
          {items?.length === 0 && (
            <WideRow>
              <Text c="dimmed" size="sm">
                {empty}
              </Text>
            </WideRow>
          )}
          {items?.map((r) =>
            edit.editing === r.id ? (
              <WideRow key={r.id}>
                <RowForm clinicId={clinicId} versionId={versionId} row={r} onDone={edit.done} />
              </WideRow>
            ) : (
              <RowLine key={r.id} row={r} editable={editable} edit={edit} />
            ),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
