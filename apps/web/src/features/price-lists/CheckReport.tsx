import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import type { PriceListIssueView, PriceListVersionDetail } from '@remed/core';
import { keyed } from '../../app/format.ts';
import { ReportHeading } from '../../ui/ReportDownloads.tsx';
import { priceListsUrl } from './api.ts';

function SeverityBadge({ severity }: { severity: PriceListIssueView['severity'] }) {
  return severity === 'error' ? (
    <Badge color="red" variant="light" style={{ textTransform: 'none', flexShrink: 0 }} miw="fit-content">
      ошибка
    </Badge>
  ) : (
    <Badge color="yellow" variant="light" style={{ textTransform: 'none', flexShrink: 0 }} miw="fit-content">
      предупреждение
    </Badge>
  );
}

/** The row-by-row report: line of the file, column, what is wrong; a draft row can be opened for fixing. */
export function CheckReport({
  version,
  clinicId,
  onFix,
}: {
  version: PriceListVersionDetail;
  clinicId: string;
  onFix: ((rowId: string) => void) | null;
}) {
  if (version.issues.length === 0)
    return (
      <Text c="dimmed" data-testid="check-clean">
        Замечаний нет: все строки заполнены верно.
      </Text>
    );
  return (
    <Stack gap="sm">
      <ReportHeading href={(format) => priceListsUrl(clinicId, `/${version.id}/report.${format}`)} gap="xs">
        <Text size="sm">
          Ошибки не дают опубликовать прейскурант, предупреждения — нет: проверьте их и оставьте, если всё
          верно.
          {version.issuesTotal > version.issues.length &&
            ` Показаны первые ${version.issues.length} из ${version.issuesTotal}.`}
        </Text>
      </ReportHeading>
      <Table.ScrollContainer minWidth={560} mah={480}>
        <Table striped verticalSpacing="xs" data-testid="check-report">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>Строка</Table.Th>
              <Table.Th w={170}>Столбец</Table.Th>
              <Table.Th>Что не так</Table.Th>
              <Table.Th w={170}>Важность</Table.Th>
              {onFix && <Table.Th w={110} aria-label="Исправить" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keyed(version.issues, (i) => `${i.rowId ?? 'list'}-${i.column}-${i.message}`).map(
              ({ key, item: i }) => (
                <Table.Tr key={key} data-testid="check-issue" data-severity={i.severity}>
                  <Table.Td>{i.row ?? '—'}</Table.Td>
                  <Table.Td>{i.column}</Table.Td>
                  <Table.Td>{i.message}</Table.Td>
                  <Table.Td>
                    <SeverityBadge severity={i.severity} />
                  </Table.Td>
                  {onFix && (
                    <Table.Td>
                      {i.rowId && (
                        <Anchor
                          component="button"
                          type="button"
                          size="sm"
                          onClick={() => onFix(i.rowId!)}
                          aria-label={`Исправить строку ${i.row}`}
                        >
                          Исправить
                        </Anchor>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
