import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import {
  type Icon,
  IconBuildingBank,
  IconBuildingHospital,
  IconChartBar,
  IconFileCertificate,
  IconFileDescription,
  IconFiles,
  IconGift,
  IconListDetails,
  IconMessageCircle,
  IconShieldCheck,
  IconStar,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { useClinicLetters } from '../../features/clinic-cabinet/api.ts';
import { useCurrentClinic } from '../clinic.tsx';
import { QueryError } from '../errors/QueryError.tsx';
import { useUser } from '../session.tsx';
import { HomeHeader, SectionGrid, SectionSummary, type SectionSummaryProps } from './parts.tsx';
import { useHomeSummary } from './useHomeSummary.ts';

const items = (n: number) => {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return `${n} услуга`;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return `${n} услуги`;
  return `${n} услуг`;
};

/** A section of the cabinet as a card that opens it. */
function SectionCard({ to, testId, ...summary }: SectionSummaryProps & { to: string; testId: string }) {
  return (
    <Card withBorder padding="lg" component={Link} to={to} data-testid={testId}>
      <SectionSummary {...summary} />
    </Card>
  );
}

/** Every part of the cabinet, in the order a clinic usually needs them. */
const SECTIONS: { to: string; icon: Icon; title: string; text: string; testId: string }[] = [
  {
    to: '/clinic/patients',
    icon: IconUsersGroup,
    title: 'Прикреплённые пациенты',
    text: 'Списки прикрепления и открепления по программам ДМС, с выгрузкой в XLSX и CSV.',
    testId: 'clinic-patients',
  },
  {
    to: '/clinic/programs',
    icon: IconShieldCheck,
    title: 'Программы ДМС',
    text: 'Программы страховых компаний, к которым клиника присоединилась или может присоединиться.',
    testId: 'clinic-programs',
  },
  {
    to: '/clinic/price-lists',
    icon: IconListDetails,
    title: 'Прейскуранты',
    text: 'Загрузка из XLSX или CSV с проверкой каждой строки, правка в кабинете, версии с датой начала и сравнение.',
    testId: 'clinic-price-lists',
  },
  {
    to: '/clinic/contracts',
    icon: IconFileDescription,
    title: 'Договор',
    text: 'Договор с сервисом и дополнительные соглашения: подписание кодом из SMS или письма.',
    testId: 'clinic-contracts',
  },
  {
    to: '/clinic/documents',
    icon: IconFiles,
    title: 'Документы',
    text: 'Акты, реестры, отчёты и письма с сервисом: получение, подпись, история.',
    testId: 'clinic-documents',
  },
  {
    to: '/clinic/bonus',
    icon: IconGift,
    title: 'Бонусная программа',
    text: 'Кэшбэк пациентам 2–10 %: чем он выше, тем выше клиника в подборе врача пульта.',
    testId: 'clinic-bonus',
  },
  {
    to: '/clinic/rating',
    icon: IconStar,
    title: 'Рейтинг',
    text: 'Оценка клиники от 0 до 10, из чего она складывается и место среди других клиник.',
    testId: 'clinic-rating-link',
  },
  {
    to: '/clinic/reports',
    icon: IconChartBar,
    title: 'Отчёты',
    text: 'Пациенты, оплаты, возмещения и кэшбэк по месяцам с графиками и выгрузкой в XLSX.',
    testId: 'clinic-reports',
  },
  {
    to: '/clinic/chat',
    icon: IconMessageCircle,
    title: 'Чат с сервисом',
    text: 'Вопросы отделам сервиса: договоры, планово-экономический отдел, медицинская экспертиза.',
    testId: 'clinic-chat',
  },
  {
    to: '/clinic/requisites',
    icon: IconBuildingBank,
    title: 'Реквизиты',
    text: 'Наименование, руководитель, банковские реквизиты и контакты клиники.',
    testId: 'clinic-requisites',
  },
  {
    to: '/clinic/network',
    icon: IconBuildingHospital,
    title: 'Клиники сети',
    text: 'Другие юридические лица вашей сети: один вход для всех, переключатель в шапке.',
    testId: 'clinic-network',
  },
];

const ACTIVE_LETTERS = { status: 'issued', from: '', to: '', q: '' } as const;

function ClinicLettersCard({ clinicId }: { clinicId: string }) {
  // Only the count matters here.
  const letters = useClinicLetters(clinicId, ACTIVE_LETTERS, 1, 1);
  const active = letters.data?.total;
  return (
    <SectionCard
      to="/letters"
      icon={IconFileCertificate}
      title={`Гарантийные письма${active === undefined ? '' : `: действуют ${active}`}`}
      text="Пациенты, которых направил медицинский пульт: услуги, цены и срок действия писем."
      testId="clinic-letters"
    />
  );
}

export function ClinicHome() {
  const user = useUser();
  const { clinic } = useCurrentClinic(user);
  const summary = useHomeSummary();

  return (
    <section data-testid="home-clinic_user">
      <HomeHeader
        title="Кабинет клиники"
        subtitle={clinic ? `Вы работаете от имени: ${clinic.name}` : 'Учётная запись не привязана к клинике'}
      />
      <Stack gap="lg">
        <div>
          <Title order={2} size="h3" mb="sm">
            {user.clinics.length > 1 ? 'Клиники сети' : 'Клиника'}
          </Title>
          {summary.isError ? (
            <QueryError error={summary.error} retry={() => summary.refetch()} />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {summary.isPending
                ? user.clinics.map((c) => <Skeleton key={c.id} h={90} />)
                : (summary.data.clinics ?? []).map((c) => (
                    <Card key={c.id} withBorder padding="md" data-testid="clinic-card">
                      <Group justify="space-between" align="flex-start" wrap="nowrap">
                        <Text fw={600}>{c.name}</Text>
                        {c.id === clinic?.id && (
                          <Badge variant="light" style={{ flexShrink: 0 }}>
                            выбрана
                          </Badge>
                        )}
                      </Group>
                      <Text size="sm" c="dimmed" mt={4}>
                        Действующий прейскурант: {c.priceItems ? items(c.priceItems) : 'не опубликован'}
                      </Text>
                    </Card>
                  ))}
            </SimpleGrid>
          )}
        </div>
        <SectionGrid>
          {clinic && <ClinicLettersCard clinicId={clinic.id} />}
          {SECTIONS.map((c) => (
            <SectionCard key={c.to} {...c} />
          ))}
        </SectionGrid>
      </Stack>
    </section>
  );
}
