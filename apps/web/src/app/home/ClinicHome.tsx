import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCash, IconFileCertificate, IconListDetails, IconStar } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useLetters } from '../../features/letters/api.ts';
import { useCurrentClinic } from '../clinic.tsx';
import { QueryError } from '../errors/QueryError.tsx';
import { useUser } from '../session.tsx';
import { EmptySection, HomeHeader, SectionGrid } from './parts.tsx';
import { useHomeSummary } from './useHomeSummary.ts';

const items = (n: number) => {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return `${n} услуга`;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return `${n} услуги`;
  return `${n} услуг`;
};

function ClinicLettersCard({ clinicId }: { clinicId: string | null }) {
  const letters = useLetters();
  const mine = letters.data?.filter((l) => l.clinic.id === clinicId);
  const active = mine?.filter((l) => l.status === 'issued').length;
  if (mine && mine.length === 0)
    return (
      <EmptySection
        icon={IconFileCertificate}
        title="Гарантийных писем пока нет"
        text="Когда медицинский пульт направит к вам пациента, письмо появится здесь."
      />
    );
  return (
    <Card withBorder padding="lg" component={Link} to="/letters" data-testid="clinic-letters">
      <Group align="flex-start" wrap="nowrap">
        <ThemeIcon variant="light" size={44} radius="md" aria-hidden>
          <IconFileCertificate size={24} />
        </ThemeIcon>
        <Stack gap={4}>
          <Text fw={600}>Гарантийные письма{active === undefined ? '' : `: действуют ${active}`}</Text>
          <Text size="sm" c="dimmed">
            Пациенты, которых направил медицинский пульт: услуги, цены и срок действия писем.
          </Text>
        </Stack>
      </Group>
    </Card>
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
                        {c.id === clinic?.id && <Badge variant="light">выбрана</Badge>}
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
          <ClinicLettersCard clinicId={clinic?.id ?? null} />
          <Card
            withBorder
            padding="lg"
            component={Link}
            to="/clinic/price-lists"
            data-testid="clinic-price-lists"
          >
            <Group align="flex-start" wrap="nowrap">
              <ThemeIcon variant="light" size={44} radius="md" aria-hidden>
                <IconListDetails size={24} />
              </ThemeIcon>
              <Stack gap={4}>
                <Text fw={600}>Прейскуранты</Text>
                <Text size="sm" c="dimmed">
                  Загрузка прейскуранта из XLSX или CSV с проверкой каждой строки, правка в кабинете, версии с
                  датой начала действия и сравнение с предыдущей.
                </Text>
              </Stack>
            </Group>
          </Card>
          <EmptySection
            icon={IconCash}
            title="Реестры и расчёты"
            text="Раздел реестров услуг и взаиморасчётов со страховой компанией ещё в разработке."
          />
          <EmptySection
            icon={IconStar}
            title="Рейтинг и бонусная программа"
            text="Рейтинг клиники и кэшбэк для пациентов появятся в следующих версиях."
          />
        </SectionGrid>
      </Stack>
    </section>
  );
}
