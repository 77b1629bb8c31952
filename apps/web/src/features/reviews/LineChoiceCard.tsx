import { Card, Group, NumberInput, Select, SimpleGrid, Text } from '@mantine/core';
import { type ClaimView, formatRub } from '@remed/core';
import { type LineChoice, NOT_IN_LETTER, type Preview } from './decisionLines.ts';

type ClaimLine = ClaimView['lines'][number];

/** One receipt line: which letter line it is, how much at most to pay for it, and what that would give. */
export function LineChoiceCard({
  line,
  n,
  choice,
  options,
  error,
  preview,
  onChange,
}: {
  line: ClaimLine;
  n: number;
  choice: LineChoice;
  options: { value: string; label: string }[];
  error: string | undefined;
  preview: Preview | undefined;
  onChange: (patch: Partial<LineChoice>) => void;
}) {
  return (
    <Card withBorder padding="sm" data-testid="review-choice">
      <Group justify="space-between" wrap="nowrap" align="flex-start" mb={6}>
        <Text fw={600} size="sm" style={{ minWidth: 0 }}>
          {n + 1}. {line.name}
        </Text>
        <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
          оплачено {formatRub(line.paid)}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Строка письма"
          data={options}
          value={choice.letterLine}
          onChange={(v) => v && onChange({ letterLine: v })}
          allowDeselect={false}
          error={error}
          data-testid="review-line-select"
        />
        <NumberInput
          label="Возместить не больше, ₽"
          description="Пусто — столько, сколько позволяет письмо"
          value={choice.cap}
          onChange={(v) => onChange({ cap: v })}
          min={0}
          decimalScale={2}
          decimalSeparator=","
          thousandSeparator=" "
          hideControls
          disabled={choice.letterLine === NOT_IN_LETTER}
          data-testid="review-line-cap"
        />
      </SimpleGrid>
      {preview && (
        <Text size="xs" c="dark.4" mt={4} data-testid="review-line-preview">
          {preview.lines.find((p) => p.item === line.item)?.text}
        </Text>
      )}
    </Card>
  );
}
