import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ClaimView, formatRub, type LetterView, ruDate } from '@remed/core';
import { IconArrowLeft, IconCheck, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
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

function DecisionForm({ claim }: { claim: ClaimView }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const suggested = claim.lines.reduce((s, l) => s + l.approved, 0);
  const [amount, setAmount] = useState<number | string>(suggested > 0 ? suggested / 100 : '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; note?: string; form?: string }>({});
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);

  const decide = async (action: 'approve' | 'reject') => {
    const next: typeof errors = {};
    const kopecks = Math.round(Number(amount) * 100);
    if (note.trim().length < 3) next.note = 'Укажите причину решения — её увидит застрахованный';
    if (action === 'approve' && !(kopecks > 0)) next.amount = 'Укажите сумму возмещения больше нуля';
    if (action === 'approve' && kopecks > claim.sum) next.amount = 'Сумма больше суммы чека';
    setErrors(next);
    if (next.note || next.amount) return;
    setBusy(action);
    try {
      await api.post(`/api/console/reviews/${claim.id}`, {
        action,
        note: note.trim(),
        ...(action === 'approve' ? { reimbursement: kopecks } : {}),
      });
      notifications.show({
        color: 'teal',
        message: action === 'approve' ? `Возмещение ${formatRub(kopecks)} одобрено` : 'В возмещении отказано',
      });
      await queryClient.invalidateQueries({ queryKey: reviewsKey });
      navigate('/console/reviews');
    } catch (e) {
      setErrors({
        note: isApiError(e) ? e.fields.note : undefined,
        amount: isApiError(e) ? e.fields.reimbursement : undefined,
        form: isApiError(e) ? e.message : 'Не удалось сохранить решение',
      });
      setBusy(null);
    }
  };

  return (
    <Card withBorder padding="lg" data-testid="review-decision">
      <Title order={2} size="h4" mb="sm">
        Решение
      </Title>
      <Stack gap="sm" maw={560}>
        {errors.form && (
          <Alert color="red" role="alert">
            {errors.form}
          </Alert>
        )}
        <NumberInput
          label="Сумма возмещения, ₽"
          description={`Подставлена сумма позиций, подходящих к письму: ${formatRub(suggested)}. Кэшбэк не начисляется.`}
          value={amount}
          onChange={setAmount}
          min={0}
          decimalScale={2}
          decimalSeparator=","
          thousandSeparator=" "
          hideControls
          error={errors.amount}
          data-testid="review-amount"
        />
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
            disabled={busy !== null}
            data-testid="review-approve"
          >
            Одобрить
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
            Отказать
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
      <DecisionForm claim={claim} />
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
