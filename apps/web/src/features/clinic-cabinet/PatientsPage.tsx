import {
  Badge,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { type AttachmentState, type ClinicPatientView, ruDate } from '@remed/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useCurrentClinic } from '../../app/clinic.tsx';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { useUser } from '../../app/session.tsx';
import { TableLoadingRow } from '../../ui/TableLoadingRow.tsx';
import { PAGE, type PatientsFilter, patientsExportUrl, useClinicPatients, useClinicPrograms } from './api.ts';
import { ExportButtons, ListFooter, PeriodInputs } from './ListControls.tsx';

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

function PatientRows({ items, loading }: { items: ClinicPatientView[] | undefined; loading: boolean }) {
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  if (narrow)
    return (
      <Stack gap="sm" data-testid="patients-table">
        {loading && <Skeleton h={90} />}
        {items?.map((p) => (
          <Card key={p.policyId} withBorder padding="sm" data-testid="patient-row">
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
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped verticalSpacing="sm" data-testid="patients-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>ФИО</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Дата рождения</Table.Th>
            <Table.Th>Полис</Table.Th>
            <Table.Th>Программа</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Прикреплён с</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Откреплён с</Table.Th>
            <Table.Th>Состояние</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading && <TableLoadingRow colSpan={7} />}
          {items?.map((p) => (
            <Table.Tr key={p.policyId} data-testid="patient-row">
              <Table.Td>
                <Text size="sm" fw={600}>
                  {p.fullName}
                </Text>
              </Table.Td>
              <Table.Td>{ruDate(p.birthDate)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.policyNumber}</Table.Td>
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
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
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
  const [filter, setFilter] = useState<Omit<PatientsFilter, 'q'>>({
    programId: null,
    state: 'all',
    from: '',
    to: '',
  });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const full: PatientsFilter = { ...filter, q };
  const badPeriod = !!filter.from && !!filter.to && filter.to < filter.from;
  const patients = useClinicPatients(clinicId, full, page);
  const programs = useClinicPrograms(clinicId);
  const change = (next: Partial<PatientsFilter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage(1);
  };

  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        Застрахованные, прикреплённые к {clinicName} по программам ДМС, в которые входит клиника. Здесь только
        то, что нужно для приёма: ФИО, дата рождения, полис, программа и даты.
      </Text>
      <Card withBorder padding="sm">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Поиск"
              description="ФИО или номер полиса"
              placeholder="Например, Иванова или 0012345"
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                setPage(1);
              }}
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
          <Group gap="md" align="flex-end" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="patients-state-label">
                Кто в списке
              </Text>
              <SegmentedControl
                aria-labelledby="patients-state-label"
                data={STATES}
                value={filter.state}
                onChange={(v) => change({ state: v as AttachmentState })}
              />
            </Stack>
            <PeriodInputs
              label={PERIOD_LABEL[filter.state]}
              from={filter.from}
              to={filter.to}
              onChange={(from, to) => change({ from, to })}
            />
          </Group>
        </Stack>
      </Card>
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={500}>
          Скачать список:
        </Text>
        <ExportButtons
          url={(format) => patientsExportUrl(clinicId, full, format)}
          disabled={badPeriod || patients.data?.total === 0}
        />
      </Group>
      {patients.isError && <QueryError error={patients.error} retry={() => patients.refetch()} />}
      <PatientRows items={patients.data?.items} loading={patients.isLoading} />
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
