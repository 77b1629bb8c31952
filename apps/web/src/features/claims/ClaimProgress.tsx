import { Badge, Stepper } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ClaimStatus, ClaimView } from '@remed/core';
import { IconX } from '@tabler/icons-react';
import { STATUS_COLOR } from './api.ts';

const STEPS = ['Чек получен', 'Проверка', 'Решение', 'Перевод', 'Деньги отправлены'];

/** Which step is under way (the ones before it are done); 5 means all done. */
const ACTIVE: Record<ClaimStatus, number> = {
  waiting_receipt: 1,
  manual_review: 1,
  approved: 3,
  partially_approved: 3,
  payout_pending: 3,
  payout_failed: 3,
  rejected: 2,
  paid: 5,
  clawback: 2,
};

const HINT: Partial<Record<ClaimStatus, Partial<Record<number, string>>>> = {
  waiting_receipt: { 1: 'запрашиваем чек в ФНС' },
  manual_review: { 1: 'проверяет врач-эксперт' },
  rejected: { 2: 'отказано' },
  clawback: { 2: 'чек возврата' },
  payout_failed: { 3: 'банк не принял перевод' },
  payout_pending: { 3: 'отправляем по СБП' },
  approved: { 3: 'скоро отправим' },
  partially_approved: { 3: 'скоро отправим' },
};

export function ClaimStatusBadge({ claim, size = 'lg' }: { claim: ClaimView; size?: 'md' | 'lg' | 'xl' }) {
  return (
    <Badge
      color={STATUS_COLOR[claim.status]}
      variant="light"
      size={size}
      style={{ textTransform: 'none' }}
      data-testid="claim-status"
      data-status={claim.status}
    >
      {claim.statusTitle}
    </Badge>
  );
}

export function ClaimProgress({ status }: { status: ClaimStatus }) {
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const active = ACTIVE[status];
  const failed = status === 'rejected' || status === 'payout_failed' || status === 'clawback';
  return (
    <Stepper
      active={active}
      orientation={narrow ? 'vertical' : 'horizontal'}
      size="sm"
      color="teal"
      allowNextStepsSelect={false}
      data-testid="claim-progress"
      aria-label="Ход возврата денег"
    >
      {STEPS.map((label, i) => {
        const stopped = failed && i === (status === 'payout_failed' ? 3 : 2);
        return (
          <Stepper.Step
            key={label}
            label={label}
            description={HINT[status]?.[i]}
            color={stopped ? 'red' : undefined}
            icon={stopped ? <IconX size={18} /> : undefined}
            completedIcon={stopped ? <IconX size={18} /> : undefined}
            loading={!failed && i === active && (status === 'waiting_receipt' || status === 'payout_pending')}
          />
        );
      })}
    </Stepper>
  );
}
