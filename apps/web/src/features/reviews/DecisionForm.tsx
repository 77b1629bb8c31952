import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ClaimView, LetterView } from '@remed/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { DecisionSummary } from './DecisionSummary.tsx';
import { letterLineOptions } from './decisionLines.ts';
import { LineChoiceCard } from './LineChoiceCard.tsx';
import { useDecision } from './useDecision.ts';

/** The reviewer's decision, line by line against the letter, with the reason the insured person will see. */
export function DecisionForm({ claim, letter }: { claim: ClaimView; letter: LetterView }) {
  const d = useDecision(claim);
  const options = letterLineOptions(letter);
  return (
    <Card withBorder padding="lg" data-testid="review-decision">
      <Title order={2} size="h4" mb={4}>
        Решение по позициям
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Для каждой позиции чека выберите строку гарантийного письма или «Нет в письме». Сумму можно только
        уменьшить: больше цены письма не возмещается.
      </Text>
      <Stack gap="sm">
        {d.errors.form && (
          <Alert color="red" role="alert">
            {d.errors.form}
          </Alert>
        )}
        {claim.lines.map((l, n) => (
          <LineChoiceCard
            key={l.item}
            line={l}
            n={n}
            choice={d.choices[n]!}
            options={options}
            error={d.lineError(n)}
            preview={d.preview.data}
            onChange={(patch) => d.change(n, patch)}
          />
        ))}
        <DecisionSummary preview={d.preview.data} error={d.previewError} />
        <Textarea
          label="Причина решения"
          description="Обязательно: её увидит застрахованный, она попадёт в журнал"
          autosize
          minRows={2}
          value={d.note}
          onChange={(e) => d.setNote(e.currentTarget.value)}
          error={d.errors.note}
          data-testid="review-note"
        />
        <Group gap="sm">
          <Button
            color="teal"
            leftSection={<IconCheck size={18} />}
            onClick={() => d.decide('approve')}
            loading={d.busy === 'approve'}
            disabled={d.busy !== null || !!d.previewError}
            data-testid="review-approve"
          >
            Сохранить решение
          </Button>
          <Button
            color="red"
            variant="light"
            leftSection={<IconX size={18} />}
            onClick={() => d.decide('reject')}
            loading={d.busy === 'reject'}
            disabled={d.busy !== null}
            data-testid="review-reject"
          >
            Отказать по всему чеку
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
