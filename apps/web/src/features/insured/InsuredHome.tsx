import { Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconFirstAidKit, IconReceipt } from '@tabler/icons-react';
import { Link } from 'react-router';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { HomeHeader } from '../../app/home/parts.tsx';
import { useUser } from '../../app/session.tsx';
import { useMyClaims } from '../claims/api.ts';
import { ClaimCards } from '../claims/ClaimsPage.tsx';
import { useLetters } from '../letters/api.ts';
import { MyLetterCards } from '../letters/LettersPage.tsx';
import { useMyInsurance } from './api.ts';
import { PolicyCard } from './ProgramSummary.tsx';

function MyLettersSection() {
  const letters = useLetters();
  const active = letters.data?.filter((l) => l.status === 'issued');
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          Мои гарантийные письма
        </Title>
        {!!letters.data?.length && (
          <Button component={Link} to="/letters" variant="subtle">
            Все письма
          </Button>
        )}
      </Group>
      {letters.isError && <QueryError error={letters.error} retry={() => letters.refetch()} />}
      {letters.isPending && <Skeleton h={90} />}
      {active && <MyLetterCards letters={active} />}
    </Stack>
  );
}

function MyClaimsSection() {
  const claims = useMyClaims();
  const recent = claims.data
    ? [...claims.data].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 3)
    : undefined;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          Мои чеки и выплаты
        </Title>
        {!!claims.data?.length && (
          <Button component={Link} to="/claims" variant="subtle">
            Все чеки
          </Button>
        )}
      </Group>
      {claims.isError && <QueryError error={claims.error} retry={() => claims.refetch()} />}
      {claims.isPending && <Skeleton h={90} />}
      {recent &&
        (recent.length ? (
          <ClaimCards claims={recent} />
        ) : (
          <Text c="dimmed" fz="md" data-testid="claims-empty">
            Чеков пока нет. После приёма оплатите услуги в клинике и отправьте чек — деньги за лечение и
            кэшбэк придут по СБП на ваш телефон.
          </Text>
        ))}
    </Stack>
  );
}

export function InsuredHome() {
  const user = useUser();
  const insurance = useMyInsurance();
  const firstName = user.fullName.split(/\s+/)[1] ?? user.fullName;
  return (
    <section data-testid="home-insured">
      <HomeHeader title="Личный кабинет застрахованного" subtitle={`Здравствуйте, ${firstName}!`} />
      <Stack gap="xl">
        <Stack gap="sm">
          <Button
            component={Link}
            to="/help"
            size="xl"
            leftSection={<IconFirstAidKit size={26} />}
            fullWidth
            maw={480}
            data-testid="ask-help"
          >
            Попросить помощи
          </Button>
          <Button
            component={Link}
            to="/claims/new"
            size="xl"
            variant="light"
            leftSection={<IconReceipt size={26} />}
            fullWidth
            maw={480}
            data-testid="claim-start"
          >
            Вернуть деньги по чеку
          </Button>
        </Stack>
        <MyLettersSection />
        <MyClaimsSection />
        {insurance.isError && <QueryError error={insurance.error} retry={() => insurance.refetch()} />}
        {insurance.isPending && <Skeleton h={300} />}
        {insurance.data?.policies.length === 0 && (
          <Text fz="md" c="dimmed">
            Действующего полиса не найдено. Если вы застрахованы, обратитесь в отдел кадров работодателя.
          </Text>
        )}
        {insurance.data?.policies.map((p) => (
          <PolicyCard key={p.number} policy={p} />
        ))}
      </Stack>
    </section>
  );
}
