import { Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { type ClaimView, formatRub } from '@remed/core';
import { IconReceipt } from '@tabler/icons-react';
import { Link } from 'react-router';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { LinkCard } from '../../ui/LinkCard.tsx';
import { useMyClaims } from './api.ts';
import { receiptTime } from './ClaimPage.tsx';
import { ClaimStatusBadge } from './ClaimProgress.tsx';

/** Big cards for the phone: one tap opens the claim. */
export function ClaimCards({ claims }: { claims: ClaimView[] }) {
  if (claims.length === 0)
    return (
      <Text c="dimmed" fz="lg" data-testid="claims-empty">
        Чеков пока нет. После приёма в клинике отправьте чек — деньги вернутся по СБП.
      </Text>
    );
  return (
    <Stack gap="sm" data-testid="my-claims">
      {claims.map((c) => {
        const payout = c.reimbursement + c.cashback;
        return (
          <LinkCard
            key={c.id}
            to={`/claims/${c.id}`}
            data-testid="claim-row"
            label={`Чек на ${formatRub(c.sum)} от ${receiptTime(c.dateTime)}`}
            gap={4}
          >
            <Group gap="xs">
              <Text fw={700} fz="lg">
                Чек на {formatRub(c.sum)}
              </Text>
              <ClaimStatusBadge claim={c} size="md" />
            </Group>
            <Text fz="md">
              {c.clinicName} · {receiptTime(c.dateTime)}
            </Text>
            {payout > 0 && (
              <Text c="teal.8" fw={600}>
                К выплате {formatRub(payout)}
                {c.cashback > 0 ? `, из них кэшбэк ${formatRub(c.cashback)}` : ''}
              </Text>
            )}
          </LinkCard>
        );
      })}
    </Stack>
  );
}

export function ClaimsPage() {
  const claims = useMyClaims();
  return (
    <Stack gap="md" maw={860} data-testid="page-claims">
      <Group justify="space-between" align="flex-end">
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Мои чеки и выплаты
        </Title>
        <Button component={Link} to="/claims/new" size="md" leftSection={<IconReceipt size={20} />}>
          Вернуть деньги по чеку
        </Button>
      </Group>
      {claims.isError && <QueryError error={claims.error} retry={() => claims.refetch()} />}
      {claims.isPending && <Skeleton h={100} />}
      {claims.data && (
        <ClaimCards claims={[...claims.data].sort((a, b) => b.createdAt.localeCompare(a.createdAt))} />
      )}
    </Stack>
  );
}
