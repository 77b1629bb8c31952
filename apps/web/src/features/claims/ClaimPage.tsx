import { Alert, Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ClaimView, formatRub } from '@remed/core';
import { IconCircleCheck, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';
import { BackLink } from '../../ui/BackLink.tsx';
import { claimsKey, prettyPhone, useClaim, usePayoutDetails } from './api.ts';
import { ClaimLines, ClaimTotals } from './ClaimDecision.tsx';
import { ClaimFeedback } from './ClaimFeedback.tsx';
import { ClaimProgress, ClaimStatusBadge } from './ClaimProgress.tsx';
import { PayoutDetailsForm } from './PayoutDetailsForm.tsx';
import { RepaymentCard } from './RepaymentCard.tsx';

/** The receipt's local time as printed on it: «2026-11-22T13:29:00» → «22.11.2026 13:29». */
export const receiptTime = (local: string) => {
  const [d = '', t = ''] = local.split('T');
  const [y, m, day] = d.split('-');
  return `${day}.${m}.${y} ${t.slice(0, 5)}`;
};

function StatusNote({ claim }: { claim: ClaimView }) {
  switch (claim.status) {
    case 'waiting_receipt':
      return <Text fz="md">Запрашиваем чек в налоговой (ФНС). Обычно это занимает несколько секунд.</Text>;
    case 'manual_review':
      return (
        <Text fz="md">
          Чек проверяет врач-эксперт страховой. Решение придёт сюда и по SMS, обычно в течение рабочего дня.
        </Text>
      );
    case 'clawback':
      return (
        <>
          <Text fz="md">
            Это чек возврата: клиника вернула вам деньги за услуги, которые мы уже возместили.
          </Text>
          <RepaymentCard />
        </>
      );
    default:
      return null;
  }
}

function PayoutBlock({ claim }: { claim: ClaimView }) {
  const queryClient = useQueryClient();
  const details = usePayoutDetails();
  const [retrying, setRetrying] = useState(false);
  const payout = claim.payout;
  if (!payout) return null;
  const to = details.data?.phone
    ? ` на номер ${prettyPhone(details.data.phone)}${details.data.bankName ? `, ${details.data.bankName}` : ''}`
    : '';

  const retry = async () => {
    setRetrying(true);
    try {
      await api.post(`/api/me/claims/${claim.id}/retry-payout`);
      notifications.show({ color: 'teal', message: 'Перевод отправлен ещё раз' });
      await queryClient.invalidateQueries({ queryKey: claimsKey });
    } catch (e) {
      notifications.show({
        color: 'red',
        message: isApiError(e) ? e.message : 'Не удалось повторить перевод',
      });
    } finally {
      setRetrying(false);
    }
  };

  if (payout.status === 'succeeded')
    return (
      <Alert color="green" icon={<IconCircleCheck />} title="Деньги отправлены" data-testid="payout-status">
        <Text fz="md">
          {formatRub(payout.amount)} отправлены по СБП{to}. Обычно деньги приходят в течение нескольких минут.
        </Text>
      </Alert>
    );
  if (payout.status === 'canceled')
    return (
      <Card withBorder padding="lg" data-testid="payout-failed">
        <Stack gap="md">
          <Alert color="red" title="Банк не принял перевод" role="alert" data-testid="payout-status">
            <Text fz="md">
              Не удалось перевести {formatRub(payout.amount)}
              {to}: {payout.advice ?? 'банк отклонил перевод. Проверьте данные для СБП'}.
            </Text>
          </Alert>
          <Text fw={600} fz="lg">
            Проверьте телефон и банк, сохраните и нажмите «Повторить перевод»
          </Text>
          <PayoutDetailsForm submitLabel="Сохранить данные" />
          <Button
            size="lg"
            leftSection={<IconRefresh size={22} />}
            onClick={retry}
            loading={retrying}
            w="fit-content"
            data-testid="payout-retry"
          >
            Повторить перевод
          </Button>
        </Stack>
      </Card>
    );
  return (
    <Alert color="blue" title="Отправляем деньги" data-testid="payout-status">
      <Text fz="md">
        Переводим {formatRub(payout.amount)} по СБП{to}.
      </Text>
    </Alert>
  );
}

export function ClaimPage() {
  const { id = '' } = useParams();
  const claim = useClaim(id);
  if (claim.isError) return <QueryError error={claim.error} retry={() => claim.refetch()} />;
  if (claim.isPending) return <Skeleton h={400} />;
  const c = claim.data;
  const decided = c.lines.length > 0 && c.status !== 'waiting_receipt';

  return (
    <Stack gap="lg" maw={960} data-testid="page-claim">
      <BackLink to="/claims">Мои чеки и выплаты</BackLink>
      <Stack gap={4}>
        <Group gap="sm" align="center">
          <Title order={1} fz={{ base: 24, sm: 30 }}>
            Чек на {formatRub(c.sum)}
          </Title>
          <ClaimStatusBadge claim={c} />
        </Group>
        <Text c="dimmed">
          {c.clinicName} · {receiptTime(c.dateTime)} · письмо{' '}
          <Anchor component={Link} to={`/letters/${c.letterId}`} inherit>
            {c.letterNumber}
          </Anchor>
        </Text>
      </Stack>
      <Card withBorder padding="lg">
        <ClaimProgress status={c.status} />
      </Card>
      <StatusNote claim={c} />
      {c.summary && (
        <Alert
          color={c.status === 'rejected' ? 'red' : c.status === 'manual_review' ? 'yellow' : 'teal'}
          title={c.status === 'rejected' ? 'Отказано' : 'Решение'}
          data-testid="claim-summary"
        >
          <Text fz="md">{c.summary}</Text>
        </Alert>
      )}
      {decided && (
        <Card withBorder padding="lg">
          <Title order={2} size="h3" mb="sm">
            Решение по каждой позиции
          </Title>
          <ClaimLines lines={c.lines} />
        </Card>
      )}
      {(c.reimbursement > 0 || c.cashback > 0) && <ClaimTotals claim={c} />}
      <PayoutBlock claim={c} />
      {c.status !== 'waiting_receipt' && c.status !== 'clawback' && (
        <ClaimFeedback claimId={c.id} status={c.status} />
      )}
      <Text size="xs" c="dimmed">
        Отправлен {formatDateTime(c.createdAt)} · ФН и ФД чека: {c.receipt.replace(':', ' / ')}
      </Text>
    </Stack>
  );
}
