import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ClinicProgram, type ClinicPrograms, ruDate } from '@remed/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, isApiError } from '../../app/api.ts';
import { CabinetPage } from '../../app/CabinetPage.tsx';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatCount } from '../../app/format.ts';

const programsKey = (clinicId: string) => ['clinics', clinicId, 'programs'] as const;

function Requirement({ done, children }: { done: boolean; children: React.ReactNode }) {
  return (
    <List.Item
      icon={
        done ? (
          <IconCircleCheck size={20} color="var(--mantine-color-teal-7)" aria-label="готово" />
        ) : (
          <IconCircleDashed size={20} color="var(--mantine-color-gray-6)" aria-label="не готово" />
        )
      }
    >
      {children}
    </List.Item>
  );
}

function ProgramCard({
  program,
  ready,
  clinicId,
}: {
  program: ClinicProgram;
  ready: ClinicPrograms['ready'];
  clinicId: string;
}) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: () =>
      program.joined
        ? api.delete(`/api/clinics/${clinicId}/programs/${program.id}`)
        : api.post(`/api/clinics/${clinicId}/programs/${program.id}/join`),
    onSuccess: async () => {
      notifications.show({
        color: 'teal',
        message: program.joined
          ? `Клиника вышла из программы «${program.name}»`
          : `Клиника присоединилась к программе «${program.name}»: пульт будет предлагать её пациентам`,
      });
      await queryClient.invalidateQueries({ queryKey: programsKey(clinicId) });
    },
  });
  const canJoin = ready.contractSigned && ready.priceList;
  return (
    <Card withBorder padding="md" data-testid="clinic-program">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Text fw={700}>{program.name}</Text>
          <Text size="sm" c="dimmed">
            {program.insurer} · страхователь {program.policyholder}
          </Text>
        </Stack>
        {program.joined ? (
          <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
            Клиника в программе
          </Badge>
        ) : (
          <Badge color="gray" variant="light" style={{ flexShrink: 0 }}>
            Можно присоединиться
          </Badge>
        )}
      </Group>
      {program.description && (
        <Text size="sm" mt="xs">
          {program.description}
        </Text>
      )}
      <Text size="sm" mt="xs">
        Застрахованных: {formatCount(program.activePolicies)} · договор страхования до{' '}
        {ruDate(program.validTo)}
        {program.franchisePercent > 0 ? ` · франшиза ${program.franchisePercent} %` : ''}
      </Text>
      {change.error && (
        <Alert color="red" mt="sm" role="alert">
          {isApiError(change.error) ? change.error.message : 'Не удалось сохранить'}
        </Alert>
      )}
      {program.open && (
        <Group mt="sm">
          <Button
            variant={program.joined ? 'default' : 'filled'}
            onClick={() => change.mutate()}
            loading={change.isPending}
            disabled={!program.joined && !canJoin}
            data-testid={program.joined ? 'program-leave' : 'program-join'}
          >
            {program.joined ? 'Выйти из программы' : 'Присоединиться'}
          </Button>
          {!program.joined && !canJoin && (
            <Text size="sm" c="dimmed">
              Сначала выполните условия выше
            </Text>
          )}
        </Group>
      )}
    </Card>
  );
}

function Programs({ clinicId }: { clinicId: string }) {
  const list = useQuery({
    queryKey: programsKey(clinicId),
    queryFn: () => api.get<ClinicPrograms>(`/api/clinics/${clinicId}/programs`),
  });
  if (list.isError) return <QueryError error={list.error} retry={() => list.refetch()} />;
  if (list.isPending) return <Skeleton h={200} />;
  const { ready, programs } = list.data;
  return (
    <>
      <Card withBorder padding="md" data-testid="programs-ready">
        <Title order={2} size="h4" mb="xs">
          Чтобы присоединиться к программе
        </Title>
        <List spacing="xs" center>
          <Requirement done={ready.contractSigned}>
            Договор с сервисом подписан обеими сторонами —{' '}
            <Anchor component={Link} to="/clinic/contracts">
              договор
            </Anchor>
          </Requirement>
          <Requirement done={ready.priceList}>
            Прейскурант действует сегодня —{' '}
            <Anchor component={Link} to="/clinic/price-lists">
              прейскуранты
            </Anchor>
          </Requirement>
        </List>
      </Card>
      {programs.length === 0 ? (
        <Text c="dimmed" data-testid="programs-empty">
          Сейчас нет программ, открытых для присоединения. Мы сообщим, когда страховые компании их откроют.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {programs.map((p) => (
            <ProgramCard key={p.id} program={p} ready={ready} clinicId={clinicId} />
          ))}
        </SimpleGrid>
      )}
    </>
  );
}

export function ProgramsPage() {
  return (
    <CabinetPage
      title="Программы ДМС"
      intro="Программы страховых компаний, по которым медицинский пульт направляет к вам пациентов с гарантийными письмами. Клиника в программе попадает в подбор клиник пульта; выданные письма остаются в силе и после выхода."
      testId="page-clinic-programs"
    >
      {(clinic) => <Programs clinicId={clinic.id} />}
    </CabinetPage>
  );
}
