import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type ClaimView, formatRub, type LetterView, ruDate } from '@remed/core';
import { IconArrowLeft, IconCheck, IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { keyed } from '../../app/format.ts';
import { receiptTime } from '../claims/ClaimPage.tsx';
import { useLetter } from '../letters/api.ts';
import { reasonText, reviewsKey, useReviews } from './api.ts';

const nowrap = { whiteSpace: 'nowrap' } as const;

function ReceiptSide({ claim }: { claim: ClaimView }) {
  return (
    <Card withBorder padding="md" data-testid="review-receipt">
      <Title order={2} size="h4" mb={4}>
        Чек: {formatRub(claim.sum)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {claim.clinicName} · {receiptTime(claim.dateTime)} · ФН/ФД {claim.receipt.replace(':', ' / ')}
      </Text>
      <Stack gap="xs">
        {keyed(claim.lines, (l) => l.name).map(({ key, item: l }) => (
          <Card key={key} withBorder padding="xs" bg="gray.0" data-testid="review-line">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Text fw={600} size="sm" style={{ minWidth: 0 }}>
                {l.name}
              </Text>
              <Text fw={700} size="sm" style={nowrap}>
                {formatRub(l.paid)}
              </Text>
            </Group>
            <Text size="sm" mt={2}>
              {l.text}
            </Text>
            {l.approved > 0 && (
              <Text size="xs" c="teal.8">
                Подходит к письму на {formatRub(l.approved)}
              </Text>
            )}
          </Card>
        ))}
        {claim.lines.length === 0 && (
          <Text size="sm" c="dimmed">
            Позиции чека не разобраны.
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function LetterSide({ letter }: { letter: LetterView }) {
  return (
    <Card withBorder padding="md" data-testid="review-letter">
      <Title order={2} size="h4" mb={4}>
        Письмо{' '}
        <Anchor component={Link} to={`/letters/${letter.id}`} inherit>
          {letter.number}
        </Anchor>
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {letter.insuredName} · полис {letter.policyNumber} · с {ruDate(letter.validFrom)} по{' '}
        {ruDate(letter.validUntil)}
      </Text>
      <Table.ScrollContainer minWidth={300}>
        <Table verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Услуга</Table.Th>
              <Table.Th ta="right" style={nowrap}>
                Кол-во
              </Table.Th>
              <Table.Th ta="right">Цена</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {letter.items.map((i) => (
              <Table.Tr key={i.line}>
                <Table.Td>
                  <Text size="sm">{i.name}</Text>
                  <Text size="xs" c="dimmed">
                    {i.code}
                    {i.clinicCode ? ` · код клиники ${i.clinicCode}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{i.quantity}</Table.Td>
                <Table.Td ta="right" style={nowrap}>
                  {formatRub(i.price)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap={2} mt="xs">
        <Text size="sm">
          Франшиза {letter.franchisePercent} % · кэшбэк {letter.cashbackPercent} %
        </Text>
        <Text size="sm">
          Остаток лимита: {letter.remainingLimit === null ? 'без лимита' : formatRub(letter.remainingLimit)}
        </Text>
      </Stack>
    </Card>
  );
}

type LineChoice = { letterLine: string; cap: number | string };

const NOT_IN_LETTER = 'none';

interface Preview {
  status: string;
  reasons: string[];
  reimbursement: number;
  cashback: number;
  summary: string;
  lines: { item: number; approved: number; text: string }[];
}

/** The reviewer's lines as the API takes them: a letter line or none, and an optional lower amount. */
const toLines = (claim: ClaimView, choices: LineChoice[]) =>
  claim.lines.map((l, n) => {
    const c = choices[n]!;
    const cap = c.cap === '' ? undefined : Math.round(Number(c.cap) * 100);
    return {
      item: l.item,
      letterLine: c.letterLine === NOT_IN_LETTER ? null : Number(c.letterLine),
      ...(cap === undefined || Number.isNaN(cap) ? {} : { approved: cap }),
    };
  });

function usePreview(claim: ClaimView, choices: LineChoice[]) {
  const [debounced] = useDebouncedValue(choices, 350);
  return useQuery({
    queryKey: ['console', 'reviews', claim.id, 'preview', debounced],
    queryFn: () =>
      api.post<Preview>(`/api/console/reviews/${claim.id}/preview`, { lines: toLines(claim, debounced) }),
    retry: false,
  });
}

function DecisionForm({ claim, letter }: { claim: ClaimView; letter: LetterView }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [choices, setChoices] = useState<LineChoice[]>(() =>
    claim.lines.map((l) => ({
      letterLine: l.letterLine === null ? NOT_IN_LETTER : String(l.letterLine),
      cap: '',
    })),
  );
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ note?: string; form?: string; lines?: Record<string, string> }>({});
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const preview = usePreview(claim, choices);
  const previewError = preview.error && isApiError(preview.error) ? preview.error : null;
  const lineError = (n: number) =>
    errors.lines?.[`lines.${claim.lines[n]!.item}`] ?? previewError?.fields[`lines.${claim.lines[n]!.item}`];
  const options = [
    ...letter.items.map((i) => ({
      value: String(i.line),
      label: `${i.line}. ${i.name} — ${formatRub(i.price)} × ${i.quantity}`,
    })),
    { value: NOT_IN_LETTER, label: 'Нет в письме — не возмещать' },
  ];
  const change = (n: number, patch: Partial<LineChoice>) =>
    setChoices((all) => all.map((c, k) => (k === n ? { ...c, ...patch } : c)));

  const decide = async (action: 'approve' | 'reject') => {
    if (note.trim().length < 3) {
      setErrors({ note: 'Укажите причину решения — её увидит застрахованный' });
      return;
    }
    setBusy(action);
    try {
      await api.post(`/api/console/reviews/${claim.id}`, {
        action,
        note: note.trim(),
        ...(action === 'approve' ? { lines: toLines(claim, choices) } : {}),
      });
      notifications.show({
        color: 'teal',
        message:
          action === 'approve'
            ? `Решение сохранено: возмещение ${formatRub(preview.data?.reimbursement ?? 0)}`
            : 'В возмещении отказано',
      });
      await queryClient.invalidateQueries({ queryKey: reviewsKey });
      navigate('/console/reviews');
    } catch (e) {
      setErrors({
        note: isApiError(e) ? e.fields.note : undefined,
        lines: isApiError(e) ? e.fields : undefined,
        form: isApiError(e) ? e.message : 'Не удалось сохранить решение',
      });
      setBusy(null);
    }
  };

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
        {errors.form && (
          <Alert color="red" role="alert">
            {errors.form}
          </Alert>
        )}
        {claim.lines.map((l, n) => (
          <Card key={l.item} withBorder padding="sm" data-testid="review-choice">
            <Group justify="space-between" wrap="nowrap" align="flex-start" mb={6}>
              <Text fw={600} size="sm" style={{ minWidth: 0 }}>
                {n + 1}. {l.name}
              </Text>
              <Text size="sm" fw={700} style={nowrap}>
                оплачено {formatRub(l.paid)}
              </Text>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label="Строка письма"
                data={options}
                value={choices[n]!.letterLine}
                onChange={(v) => v && change(n, { letterLine: v })}
                allowDeselect={false}
                error={lineError(n)}
                data-testid="review-line-select"
              />
              <NumberInput
                label="Возместить не больше, ₽"
                description="Пусто — столько, сколько позволяет письмо"
                value={choices[n]!.cap}
                onChange={(v) => change(n, { cap: v })}
                min={0}
                decimalScale={2}
                decimalSeparator=","
                thousandSeparator=" "
                hideControls
                disabled={choices[n]!.letterLine === NOT_IN_LETTER}
                data-testid="review-line-cap"
              />
            </SimpleGrid>
            {preview.data && (
              <Text size="xs" c="dark.4" mt={4} data-testid="review-line-preview">
                {preview.data.lines.find((p) => p.item === l.item)?.text}
              </Text>
            )}
          </Card>
        ))}
        <Alert
          color={previewError ? 'red' : preview.data?.status === 'rejected' ? 'orange' : 'teal'}
          title="Итог решения"
          data-testid="review-preview"
        >
          {previewError ? (
            previewError.message
          ) : preview.data ? (
            <>
              <Text size="sm" fw={700}>
                Возмещение {formatRub(preview.data.reimbursement)}, кэшбэк {formatRub(preview.data.cashback)}
              </Text>
              <Text size="sm">{preview.data.summary}</Text>
            </>
          ) : (
            <Loader size="sm" />
          )}
        </Alert>
        <Textarea
          label="Причина решения"
          description="Обязательно: её увидит застрахованный, она попадёт в журнал"
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          data-testid="review-note"
        />
        <Group gap="sm">
          <Button
            color="teal"
            leftSection={<IconCheck size={18} />}
            onClick={() => decide('approve')}
            loading={busy === 'approve'}
            disabled={busy !== null || !!previewError}
            data-testid="review-approve"
          >
            Сохранить решение
          </Button>
          <Button
            color="red"
            variant="light"
            leftSection={<IconX size={18} />}
            onClick={() => decide('reject')}
            loading={busy === 'reject'}
            disabled={busy !== null}
            data-testid="review-reject"
          >
            Отказать по всему чеку
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Review({ claim }: { claim: ClaimView }) {
  const letter = useLetter(claim.letterId);
  return (
    <>
      {claim.summary && (
        <Alert color="yellow" title="Почему чек на ручной проверке" data-testid="review-summary">
          <Text size="sm">{claim.summary}</Text>
          <Group gap={6} mt={6}>
            {claim.reasons.map((r) => (
              <Badge key={r} color="yellow" variant="white" style={{ textTransform: 'none' }}>
                {reasonText(r)}
              </Badge>
            ))}
          </Group>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ReceiptSide claim={claim} />
        {letter.isError ? (
          <QueryError error={letter.error} retry={() => letter.refetch()} />
        ) : letter.isPending ? (
          <Skeleton h={240} />
        ) : (
          <LetterSide letter={letter.data} />
        )}
      </SimpleGrid>
      {letter.data && <DecisionForm claim={claim} letter={letter.data} />}
    </>
  );
}

export function ReviewPage() {
  const { id = '' } = useParams();
  const reviews = useReviews();
  const claim = reviews.data?.find((c) => c.id === id);
  return (
    <Stack gap="md" maw={1200} data-testid="page-review">
      <Anchor component={Link} to="/console/reviews" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={16} aria-hidden />
          Все чеки на проверке
        </Group>
      </Anchor>
      <Title order={1} fz={{ base: 24, sm: 30 }}>
        Проверка чека
      </Title>
      {reviews.isError && <QueryError error={reviews.error} retry={() => reviews.refetch()} />}
      {reviews.isPending && <Skeleton h={300} />}
      {reviews.data && !claim && (
        <Alert color="gray" title="Чек уже не на проверке">
          По этому чеку решение уже принято или его нет.{' '}
          <Anchor component={Link} to="/console/reviews">
            Вернуться к списку
          </Anchor>
        </Alert>
      )}
      {claim && <Review claim={claim} />}
    </Stack>
  );
}
