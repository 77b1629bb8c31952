import { Anchor, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { CabinetPage } from '../../app/CabinetPage.tsx';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { useCashback } from './api.ts';
import { CashbackHistory } from './CashbackHistory.tsx';
import { ChangeCashbackForm } from './ChangeCashbackForm.tsx';
import { CurrentCashback } from './CurrentCashback.tsx';
import { HowItWorks } from './HowItWorks.tsx';
import { ScheduledChanges } from './ScheduledChanges.tsx';

function Bonus({ clinicId }: { clinicId: string }) {
  const cashback = useCashback(clinicId);
  if (cashback.isError) return <QueryError error={cashback.error} retry={() => cashback.refetch()} />;
  if (cashback.isPending) return <Skeleton h={320} />;
  const view = cashback.data;
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="md">
          <CurrentCashback view={view} />
          <ChangeCashbackForm clinicId={clinicId} view={view} />
          <ScheduledChanges clinicId={clinicId} view={view} />
        </Stack>
        <Stack gap="md">
          <HowItWorks percent={view.current?.percent ?? null} />
          <CashbackHistory view={view} />
        </Stack>
      </SimpleGrid>
      <Anchor component={Link} to="/clinic/rating" size="sm">
        Место клиники среди других — в разделе «Рейтинг»
      </Anchor>
    </>
  );
}

export function BonusPage() {
  return (
    <CabinetPage
      title="Бонусная программа"
      intro="Кэшбэк, который клиника платит пациентам сверх возмещения страховой, и как он поднимает клинику в выдаче."
      testId="page-bonus"
    >
      {(clinic) => <Bonus clinicId={clinic.id} />}
    </CabinetPage>
  );
}
