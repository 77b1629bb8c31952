import { Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCash, IconFirstAidKit, IconReceipt } from '@tabler/icons-react';
import { Link } from 'react-router';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { EmptySection, HomeHeader, SectionGrid } from '../../app/home/parts.tsx';
import { useUser } from '../../app/session.tsx';
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

export function InsuredHome() {
  const user = useUser();
  const insurance = useMyInsurance();
  const firstName = user.fullName.split(/\s+/)[1] ?? user.fullName;
  return (
    <section data-testid="home-insured">
      <HomeHeader title="Личный кабинет застрахованного" subtitle={`Здравствуйте, ${firstName}!`} />
      <Stack gap="xl">
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
        <MyLettersSection />
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
        <SectionGrid>
          <EmptySection
            icon={IconReceipt}
            title="Чеки"
            text="Сканирование QR-кода с чека появится в следующей версии приложения."
          />
          <EmptySection
            icon={IconCash}
            title="Выплат пока нет"
            text="Деньги за оплаченное лечение будут приходить по СБП на ваш телефон."
          />
        </SectionGrid>
      </Stack>
    </section>
  );
}
