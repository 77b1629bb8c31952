import { Alert, Button, Card, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ContractView } from '@remed/core';
import { IconFilePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { isApiError } from '../../app/api.ts';
import { useCurrentClinic } from '../../app/clinic.tsx';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { useUser } from '../../app/session.tsx';
import { useClinicContracts, useEdoAction } from './api.ts';
import { ContractCard, signSubjectOf } from './ContractCard.tsx';
import { SignDialog, type SignSubject } from './SignDialog.tsx';

/** Main contract first, then its agreements, newest first. */
export const contractOrder = (a: ContractView, b: ContractView) =>
  a.kind === b.kind ? b.createdAt.localeCompare(a.createdAt) : a.kind === 'contract' ? -1 : 1;

export function ClinicContractsPage() {
  const user = useUser();
  const { clinic } = useCurrentClinic(user);
  const data = useClinicContracts(clinic?.id ?? null);
  const [signing, setSigning] = useState<SignSubject | null>(null);
  const create = useEdoAction<void, ContractView>(
    () => `/api/clinics/${clinic?.id}/contracts`,
    () => ({}),
  );

  async function createContract() {
    try {
      await create.mutateAsync();
      notifications.show({ color: 'teal', message: 'Договор сформирован. Проверьте его и подпишите' });
    } catch (e) {
      notifications.show({
        color: 'red',
        message: isApiError(e) ? e.message : 'Не удалось сформировать договор',
      });
    }
  }

  if (!clinic)
    return <Alert color="yellow">Учётная запись не привязана к клинике. Обратитесь к администратору.</Alert>;
  const missing = data.data?.missingRequisites ?? [];

  return (
    <Stack gap="md" maw={900} data-testid="page-clinic-contracts">
      <Stack gap={4}>
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Договор и дополнительные соглашения
        </Title>
        <Text c="dimmed">
          {clinic.name}: договор о прямом возмещении с сервисом. Документы подписываются в кабинете
          одноразовым кодом из SMS или письма — это простая электронная подпись, равная подписи на бумаге.
        </Text>
      </Stack>
      {data.isError && <QueryError error={data.error} retry={() => data.refetch()} />}
      {data.isPending && <Skeleton h={160} />}
      {data.data?.canCreateContract && (
        <Card withBorder padding="lg" data-testid="create-contract-card">
          <Stack gap="sm">
            <Text fw={600}>Договора пока нет</Text>
            <Text size="sm">
              Договор составляется по типовому шаблону сервиса с реквизитами вашей клиники. После формирования
              проверьте PDF и подпишите его; затем договор подпишет сервис.
            </Text>
            {missing.length > 0 && (
              <Alert color="yellow" title="Не хватает реквизитов клиники" data-testid="missing-requisites">
                <Text size="sm">Заполните, чтобы сформировать договор:</Text>
                <List size="sm">
                  {missing.map((m) => (
                    <List.Item key={m.field}>{m.label}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Button
              leftSection={<IconFilePlus size={18} />}
              onClick={createContract}
              loading={create.isPending}
              disabled={missing.length > 0}
              style={{ alignSelf: 'flex-start' }}
              data-testid="create-contract"
            >
              Сформировать договор
            </Button>
          </Stack>
        </Card>
      )}
      {data.data?.contracts
        .slice()
        .sort(contractOrder)
        .map((c) => (
          <ContractCard key={c.id} contract={c} onSign={(x) => setSigning(signSubjectOf(x))} />
        ))}
      <SignDialog subject={signing} onClose={() => setSigning(null)} />
    </Stack>
  );
}
