import { Card, Table } from '@mantine/core';
import { formatRub, type MonthlyReport, monthTitle } from '@remed/core';
import { formatCount } from '../../app/format.ts';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** A month's figures, or the total's, in the table's number columns. */
function FigureCells({ figures: f }: { figures: MonthlyReport['total'] }) {
  return (
    <>
      <Table.Td ta="right">{formatCount(f.patients)}</Table.Td>
      <Table.Td ta="right">{formatCount(f.receipts)}</Table.Td>
      {(['paid', 'reimbursed', 'cashback'] as const).map((sum) => (
        <Table.Td key={sum} ta="right" style={nowrap}>
          {formatRub(f[sum])}
        </Table.Td>
      ))}
    </>
  );
}

/** The report month by month with the total under it, for reading the figures exactly. */
export function ReportTable({ report }: { report: MonthlyReport }) {
  return (
    <Card withBorder padding="md">
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={6} striped data-testid="report-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Месяц</Table.Th>
              <Table.Th ta="right">Пациентов</Table.Th>
              <Table.Th ta="right">Одобренных чеков</Table.Th>
              <Table.Th ta="right">Оплачено</Table.Th>
              <Table.Th ta="right">Возмещено</Table.Th>
              <Table.Th ta="right">Кэшбэк</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.months.map((m) => (
              <Table.Tr key={m.month} data-testid="report-row">
                <Table.Td style={nowrap}>{monthTitle(m.month)}</Table.Td>
                <FigureCells figures={m} />
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Td>Итого</Table.Td>
              <FigureCells figures={report.total} />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
