import { Anchor, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconBuildingBank,
  IconCash,
  IconChartBar,
  IconFileCertificate,
  IconMessages,
  IconReceiptRefund,
  IconStethoscope,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { useConsoleRequests } from '../../features/console/api.ts';
import { ProgramsList } from '../../features/insurance/ProgramsPage.tsx';
import { useReviews } from '../../features/reviews/api.ts';
import { formatCount } from '../format.ts';
import { useUser } from '../session.tsx';
import { EmptySection, HomeHeader, SectionGrid } from './parts.tsx';

function TokensHint() {
  return (
    <Text size="sm" mt="md">
      Для интеграции ваших систем выпустите API-токен в разделе{' '}
      <Anchor component={Link} to="/account">
        «Учётная запись»
      </Anchor>
      .
    </Text>
  );
}

export function DoctorHome() {
  const fresh = useConsoleRequests('new');
  const working = useConsoleRequests('in_work');
  const reviews = useReviews();
  const count = (n: number | undefined) => (n === undefined ? '…' : formatCount(n));
  return (
    <section data-testid="home-console_doctor">
      <HomeHeader
        title="Медицинский пульт"
        subtitle="Здесь врач пульта разбирает обращения застрахованных и выдаёт гарантийные письма."
      />
      <SectionGrid>
        <Card withBorder padding="lg" component={Link} to="/console" data-testid="inbox-new">
          <Group wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" size={44} radius="md" aria-hidden>
              <IconMessages size={24} />
            </ThemeIcon>
            <Stack gap={4}>
              <Text fw={600}>Новые обращения: {count(fresh.data?.length)}</Text>
              <Text size="sm" c="dimmed">
                Заявки из приложения и записанные звонки. Откройте, чтобы взять в работу.
              </Text>
            </Stack>
          </Group>
        </Card>
        <Card withBorder padding="lg" component={Link} to="/console?tab=in_work">
          <Group wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" size={44} radius="md" aria-hidden>
              <IconFileCertificate size={24} />
            </ThemeIcon>
            <Stack gap={4}>
              <Text fw={600}>В работе: {count(working.data?.length)}</Text>
              <Text size="sm" c="dimmed">
                Случаи, по которым подбираются услуги и клиника и выдаётся гарантийное письмо.
              </Text>
            </Stack>
          </Group>
        </Card>
        <Card withBorder padding="lg" component={Link} to="/console/reviews" data-testid="reviews-count">
          <Group wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" size={44} radius="md" aria-hidden>
              <IconReceiptRefund size={24} />
            </ThemeIcon>
            <Stack gap={4}>
              <Text fw={600}>Чеки на ручной проверке: {count(reviews.data?.length)}</Text>
              <Text size="sm" c="dimmed">
                Чеки, которые автоматическая сверка с гарантийным письмом не смогла решить сама.
              </Text>
            </Stack>
          </Group>
        </Card>
      </SectionGrid>
      <Button component={Link} to="/console" mt="md">
        Перейти к обращениям
      </Button>
    </section>
  );
}

export function InsurerHome() {
  const user = useUser();
  return (
    <section data-testid="home-insurer_user">
      <HomeHeader title="Страховая компания" subtitle={user.insurer?.name ?? 'Организация не указана'} />
      <Stack gap="lg">
        <div>
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3">
              Программы и застрахованные
            </Title>
            <Button
              component={Link}
              to="/letters"
              variant="light"
              leftSection={<IconFileCertificate size={18} />}
            >
              Гарантийные письма
            </Button>
          </Group>
          <ProgramsList />
        </div>
        <SectionGrid>
          <EmptySection
            icon={IconChartBar}
            title="Реестры и отчёты"
            text="Реестры оказанных услуг и отчёты появятся здесь после запуска расчётов."
          />
        </SectionGrid>
      </Stack>
      <TokensHint />
    </section>
  );
}

export function PolicyholderHome() {
  const user = useUser();
  return (
    <section data-testid="home-policyholder_user">
      <HomeHeader title="Страхователь" subtitle={user.policyholder?.name ?? 'Организация не указана'} />
      <SectionGrid>
        <EmptySection
          icon={IconCash}
          title="Выплат сотрудникам пока нет"
          text="Вы увидите выплаты тех сотрудников, кто дал согласие; по остальным — только общие цифры."
        />
        <EmptySection
          icon={IconBuildingBank}
          title="Договоры ДМС"
          text="Сведения о договорах со страховой компанией появятся после их загрузки."
        />
      </SectionGrid>
      <TokensHint />
    </section>
  );
}

export function OmsHome() {
  const user = useUser();
  return (
    <section data-testid="home-oms_rep">
      <HomeHeader
        title={`Страховой представитель ОМС · уровень ${user.omsLevel ?? '—'}`}
        subtitle="Журнал обращений граждан, эскалация, информирование и опросы."
      />
      <SectionGrid>
        <EmptySection
          icon={IconMessages}
          title="Обращений пока нет"
          text="Журнал обращений и их эскалация между уровнями ещё в разработке."
        />
        <EmptySection
          icon={IconStethoscope}
          title="Экспертизы и опросы"
          text="Жалобы с экспертизой, информирование и опросы появятся в следующих версиях."
        />
      </SectionGrid>
      <TokensHint />
    </section>
  );
}
