import { Table, Text } from '@mantine/core';
import { ruDate } from '@remed/core';

/** The first cells of a row about an insured person: who it is, when born, and by which policy. */
export function PersonCells({ p }: { p: { fullName: string; birthDate: string; policyNumber: string } }) {
  return (
    <>
      <Table.Td>
        <Text size="sm" fw={600}>
          {p.fullName}
        </Text>
      </Table.Td>
      <Table.Td>{ruDate(p.birthDate)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.policyNumber}</Table.Td>
    </>
  );
}
