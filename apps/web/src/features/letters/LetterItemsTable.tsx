import { Table, Text } from '@mantine/core';
import { formatRub, type LetterView } from '@remed/core';
import type { ReactNode } from 'react';

const nowrap = { whiteSpace: 'nowrap' } as const;

/**
 * The services a letter covers with their quantities and prices. `forReview` is the console's narrow variant
 * beside a receipt, which also shows the clinic's own code to match the receipt's lines; `footer` closes the
 * table (the letter's total).
 */
export function LetterItemsTable({
  items,
  forReview = false,
  footer,
  'data-testid': testId,
}: {
  items: LetterView['items'];
  forReview?: boolean;
  footer?: ReactNode;
  'data-testid'?: string;
}) {
  const textSize = forReview ? 'sm' : undefined;
  return (
    <Table.ScrollContainer minWidth={forReview ? 300 : 320}>
      <Table verticalSpacing={forReview ? 6 : 'sm'} fz={textSize} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Услуга</Table.Th>
            <Table.Th ta="right" style={forReview ? nowrap : undefined}>
              Кол-во
            </Table.Th>
            <Table.Th ta="right">Цена</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.line}>
              <Table.Td>
                <Text size={textSize}>{i.name}</Text>
                <Text size="xs" c="dimmed">
                  {i.code}
                  {forReview && i.clinicCode ? ` · код клиники ${i.clinicCode}` : ''}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{i.quantity}</Table.Td>
              <Table.Td ta="right" style={nowrap}>
                {formatRub(i.price)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        {footer && <Table.Tfoot>{footer}</Table.Tfoot>}
      </Table>
    </Table.ScrollContainer>
  );
}
