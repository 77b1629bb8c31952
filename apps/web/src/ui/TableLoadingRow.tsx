import { Skeleton, Table } from '@mantine/core';

/** The placeholder row a table shows while its first page loads. */
export function TableLoadingRow({ colSpan }: { colSpan: number }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Skeleton h={24} />
      </Table.Td>
    </Table.Tr>
  );
}
