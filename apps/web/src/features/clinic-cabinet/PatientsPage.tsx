import { Badge, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type AttachmentState, type ClinicPatientView, ruDate } from '@remed/core';
import { useCurrentClinic } from '../../app/clinic.tsx';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { useUser } from '../../app/session.tsx';
import { SearchInput } from '../../ui/FilterFields.tsx';
import { PersonCells } from '../../ui/PersonCells.tsx';
import { ResponsiveList } from '../../ui/ResponsiveList.tsx';
import { useListFilter } from '../../ui/useListFilter.ts';
import { PAGE, type PatientsFilter, patientsExportUrl, useClinicPatients, useClinicPrograms } from './api.ts';
import { ChoiceFilter, ListFooter, ListHead } from './ListControls.tsx';

function State({ p }: { p: ClinicPatientView }) {
  return p.state === 'attached' ? (
    <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>
      прикреплён
    </Badge>
  ) : (
    <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
      откреплён
    </Badge>
  );
}

const PATIENT_COLUMNS = [
  { title: 'ФИО' },
  { title: 'Дата рождения', nowrap: true },
  { title: 'Полис' },
  { title: 'Программа' },
  { title: 'Прикреплён с', nowrap: true },
  { title: 'Откреплён с', nowrap: true },
  { title: 'Состояние' },
];

function PatientCard({ p }: { p: ClinicPatientView }) {
  return (
    <>
      <Group justify="space-between" align="flex-start" gap={4}>
        <Text fw={600}>{p.fullName}</Text>
        <State p={p} />
      </Group>
      <Text size="sm">
        {ruDate(p.birthDate)} · полис {p.policyNumber}
      </Text>
      <Text size="sm" c="dimmed">
        {p.program.name} · {p.insurerName}
      </Text>
      <Text size="sm" c="dimmed">
        с {ruDate(p.attachedOn)}
        {p.detachedOn ? ` по ${ruDate(p.detachedOn)}` : ''}
      </Text>
    </>
  );
}

function PatientCells({ p }: { p: ClinicPatientView }) {
  return (
    <>
      <PersonCells p={p} />
      <Table.Td>
        <Text size="sm">{p.program.name}</Text>
        <Text size="xs" c="dimmed">
          {p.insurerName}
        </Text>
      </Table.Td>
      <Table.Td>{ruDate(p.attachedOn)}</Table.Td>
      <Table.Td>{p.detachedOn ? ruDate(p.detachedOn) : '—'}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <State p={p} />
      </Table.Td>
    </>
  );
}

const STATES: { value: AttachmentState; label: string }[] = [
  { value: 'all', label: 'Все' },
  { value: 'attached', label: 'Прикреплены' },
  { value: 'detached', label: 'Откреплены' },
];

const PERIOD_LABEL: Record<AttachmentState, string> = {
  all: 'Период прикрепления или открепления',
  attached: 'Период прикрепления',
  detached: 'Период открепления',
};

function ClinicPatients({ clinicId, clinicName }: { clinicId: string; clinicName: string }) {
  const { filter, change, search, setSearch, q, page, setPage } = useListFilter<Omit<PatientsFilter, 'q'>>({
    programId: null,
    state: 'all',
    from: '',
    to: '',
  });
  const full: PatientsFilter = { ...filter, q };
  const patients = useClinicPatients(clinicId, full, page);
  const programs = useClinicPrograms(clinicId);

  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        Застрахованные, прикреплённые к {clinicName} по программам ДМС, в которые входит клиника. Здесь только
        то, что нужно для приёма: ФИО, дата рождения, полис, программа и даты.
      </Text>
      <ListHead
        fields={
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <SearchInput
              label="Поиск"
              description="ФИО или номер полиса"
              placeholder="Например, Иванова или 0012345"
              value={search}
              onChange={setSearch}
              aria-label="Поиск по ФИО или номеру полиса"
            />
            <Select
              label="Программа"
              description="Программы ДМС, в которые входит клиника"
              placeholder="Все программы"
              clearable
              data={(programs.data ?? []).map((p) => ({
                value: p.id,
                label: `${p.name} · ${p.insurerName}`,
              }))}
              value={filter.programId}
              onChange={(programId) => change({ programId })}
            />
          </SimpleGrid>
        }
        choice={
          <ChoiceFilter
            id="patients-state-label"
            label="Кто в списке"
            data={STATES}
            value={filter.state}
            onChange={(state) => change({ state })}
          />
        }
        periodLabel={PERIOD_LABEL[filter.state]}
        period={filter}
        onPeriod={change}
        url={(format) => patientsExportUrl(clinicId, full, format)}
        empty={patients.data?.total === 0}
      />
      {patients.isError && <QueryError error={patients.error} retry={() => patients.refetch()} />}
      <ResponsiveList
        items={patients.data?.items}
        loading={patients.isLoading}
        rowKey={(p) => p.policyId}
        columns={PATIENT_COLUMNS}
        row={(p) => <PatientCells p={p} />}
        card={(p) => <PatientCard p={p} />}
        minWidth={860}
        data-testid="patients-table"
        rowTestId="patient-row"
      />
      {patients.data?.total === 0 && (
        <Text c="dimmed" ta="center" py="md" data-testid="patients-empty">
          {q || filter.programId || filter.from || filter.to || filter.state !== 'all'
            ? 'Никого не нашли. Измените условия поиска.'
            : 'Прикреплённых пока нет. Они появятся, когда страховая компания загрузит списки по программам, в которые входит клиника.'}
        </Text>
      )}
      <ListFooter total={patients.data?.total} page={page} pageSize={PAGE} onPage={setPage} noun="Всего" />
    </Stack>
  );
}

/** Attachment lists (прикрепление / открепление) of the clinic chosen in the header. */
export function PatientsPage() {
  const user = useUser();
  const { clinic } = useCurrentClinic(user);
  return (
    <Stack gap="md" data-testid="page-patients">
      <Title order={1} fz={{ base: 24, sm: 30 }}>
        Прикреплённые пациенты
      </Title>
      {clinic ? (
        <ClinicPatients key={clinic.id} clinicId={clinic.id} clinicName={clinic.name} />
      ) : (
        <Text c="dimmed">Учётная запись не привязана к клинике.</Text>
      )}
    </Stack>
  );
}
