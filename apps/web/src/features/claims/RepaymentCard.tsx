import { Button, Card, CopyButton, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { formatRub, type RepaymentDetails } from '@remed/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

/** After a clinic's refund: what the person owes, and the two ways to settle it, with requisites to copy. */
export function RepaymentCard() {
  const details = useQuery({
    queryKey: ['me', 'repayment'],
    queryFn: () => api.get<RepaymentDetails>('/api/me/repayment'),
  });
  if (details.isPending) return <Skeleton h={160} />;
  if (!details.data) return null;
  const { debt, recipient: r, purpose } = details.data;
  if (debt === 0)
    return (
      <Text fz="md" data-testid="repayment-none">
        Удерживать нечего: сумма возврата уже зачтена в выплаты или возвращена.
      </Text>
    );
  const rows: [string, string][] = [
    ['Получатель', r.name],
    ['ИНН / КПП', `${r.inn} / ${r.kpp}`],
    ['Банк', r.bankName],
    ['БИК', r.bik],
    ['Расчётный счёт', r.settlementAccount],
    ['Корр. счёт', r.correspondentAccount],
    ['Назначение платежа', purpose],
  ];
  return (
    <Card withBorder padding="lg" data-testid="repayment">
      <Title order={2} size="h4" mb={4}>
        К возврату: {formatRub(debt)}
      </Title>
      <Text fz="md" mb="sm">
        Ничего делать не нужно: сумма удержится из следующей выплаты сама. Если новых чеков не ожидается,
        верните её переводом по реквизитам — мы отметим возврат, как только деньги придут.
      </Text>
      <Stack gap={6}>
        {rows.map(([label, value]) => (
          <SimpleGrid key={label} cols={{ base: 1, xs: 3 }} spacing={4}>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text size="sm" fw={500} style={{ gridColumn: 'span 2', overflowWrap: 'anywhere' }}>
              {value}
            </Text>
          </SimpleGrid>
        ))}
      </Stack>
      <CopyButton value={rows.map(([l, v]) => `${l}: ${v}`).join('\n')}>
        {({ copied, copy }) => (
          <Button variant="light" mt="md" onClick={copy} w={{ base: '100%', xs: 'auto' }}>
            {copied ? 'Реквизиты скопированы' : 'Скопировать реквизиты'}
          </Button>
        )}
      </CopyButton>
    </Card>
  );
}
