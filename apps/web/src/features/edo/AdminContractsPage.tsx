import { Alert, Button, Group, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ContractView } from '@remed/core';
import { IconFilePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { isApiError } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { useAllContracts, useEdoAction, useEdoClinics } from './api.ts';
import { contractOrder } from './ClinicContractsPage.tsx';
import { ContractCard, signSubjectOf } from './ContractCard.tsx';
import { ServiceContractActions } from './ServiceContractActions.tsx';
import { SignDialog, type SignSubject } from './SignDialog.tsx';

export function ClinicFilter({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const clinics = useEdoClinics();
  return (
    <Select
      label="Клиника"
      placeholder="Все клиники"
      description="Поиск по названию или ИНН"
      data={(clinics.data ?? []).map((c) => ({ value: c.id, label: `${c.name} · ИНН ${c.inn}` }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage="Клиника не найдена"
      w={{ base: '100%', sm: 420 }}
      data-testid="clinic-filter"
    />
  );
}

/** The contracts department: every clinic's contract and agreements, to prepare, send and countersign. */
export function AdminContractsPage() {
  const [clinicId, setClinicId] = useState<string | null>(null);
  const contracts = useAllContracts(clinicId);
  const [signing, setSigning] = useState<SignSubject | null>(null);
  const create = useEdoAction<void, ContractView>(
    () => `/api/clinics/${clinicId}/contracts`,
    () => ({}),
  );
  const waiting = contracts.data?.filter((c) => c.actions.includes('sign')).length ?? 0;

  return (
    <Stack gap="md" data-testid="page-admin-contracts">
      <Stack gap={4}>
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Договоры с клиниками
        </Title>
        <Text c="dimmed">
          Договоры о прямом возмещении и дополнительные соглашения. Клиника подписывает первой, затем сервис.
          {waiting > 0 ? ` Ждут вашей подписи: ${waiting}.` : ''}
        </Text>
      </Stack>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <ClinicFilter value={clinicId} onChange={setClinicId} />
        {clinicId && (
          <Button
            variant="light"
            leftSection={<IconFilePlus size={18} />}
            loading={create.isPending}
            onClick={() =>
              create.mutateAsync().then(
                () => notifications.show({ color: 'teal', message: 'Черновик договора создан' }),
                (e) =>
                  notifications.show({ color: 'red', message: isApiError(e) ? e.message : 'Не удалось' }),
              )
            }
          >
            Черновик договора
          </Button>
        )}
      </Group>
      {contracts.isError && <QueryError error={contracts.error} retry={() => contracts.refetch()} />}
      {contracts.isPending && <Skeleton h={200} />}
      {contracts.data?.length === 0 && (
        <Alert color="gray">Договоров пока нет. Выберите клинику, чтобы подготовить черновик.</Alert>
      )}
      {contracts.data
        ?.slice()
        .sort((a, b) =>
          a.clinicId === b.clinicId ? contractOrder(a, b) : a.clinicName.localeCompare(b.clinicName),
        )
        .map((c) => (
          <ContractCard
            key={c.id}
            contract={c}
            showClinic
            onSign={(x) => setSigning(signSubjectOf(x))}
            serviceActions={(x) => <ServiceContractActions contract={x} />}
          />
        ))}
      <SignDialog subject={signing} onClose={() => setSigning(null)} />
    </Stack>
  );
}
