import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { type InsuredPersonView, ruDate } from '@remed/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { SearchInput } from '../../ui/FilterFields.tsx';
import { ListPages } from '../../ui/ListPages.tsx';
import { PersonCells } from '../../ui/PersonCells.tsx';
import { ResponsiveList } from '../../ui/ResponsiveList.tsx';
import { useListFilter } from '../../ui/useListFilter.ts';
import { INSURED_PAGE, useInsured, usePrograms } from './api.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { JoiningSwitch } from './JoiningSwitch.tsx';
import { contractLine } from './programText.ts';

function Registered({ p }: { p: InsuredPersonView }) {
  if (p.detachedOn)
    return (
      <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
        откреплён {ruDate(p.detachedOn)}
      </Badge>
    );
  return p.registered ? (
    <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>
      зарегистрирован
    </Badge>
  ) : (
    <Badge color="yellow" variant="light" style={{ textTransform: 'none' }}>
      не зарегистрирован
    </Badge>
  );
}

const INSURED_COLUMNS = [
  { title: 'ФИО' },
  { title: 'Дата рождения' },
  { title: 'Полис' },
  { title: 'Срок' },
  { title: 'Контакты' },
  { title: 'Состояние' },
];

function InsuredCard({ p }: { p: InsuredPersonView }) {
  return (
    <>
      <Group justify="space-between" wrap="wrap" align="flex-start" gap={4}>
        <Text fw={600}>{p.fullName}</Text>
        <Registered p={p} />
      </Group>
      <Text size="sm">
        Полис {p.policyNumber} · {ruDate(p.validFrom)} – {ruDate(p.validTo)}
      </Text>
      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
        {[ruDate(p.birthDate), p.phone, p.email].filter(Boolean).join(' · ')}
      </Text>
    </>
  );
}

function InsuredCells({ p }: { p: InsuredPersonView }) {
  return (
    <>
      <PersonCells p={p} />
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {ruDate(p.validFrom)} – {ruDate(p.validTo)}
      </Table.Td>
      <Table.Td>
        <Text size="xs" style={{ wordBreak: 'break-all' }}>
          {[p.phone, p.email].filter(Boolean).join(' · ') || '—'}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Registered p={p} />
      </Table.Td>
    </>
  );
}

export function ProgramPage() {
  const { id = '' } = useParams();
  const programs = usePrograms();
  const program = programs.data?.find((p) => p.id === id);
  const { search, setSearch, q, page, setPage } = useListFilter({});
  const insured = useInsured(id, q, page);

  return (
    <Stack gap="md" data-testid="page-program">
      <Anchor component={Link} to="/insurance" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={16} aria-hidden />
          Все программы
        </Group>
      </Anchor>
      <div>
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          {program?.name ?? 'Программа'}
        </Title>
        {program && (
          <Text c="dimmed" size="sm">
            {contractLine(program)}
          </Text>
        )}
      </div>
      {programs.isError && <QueryError error={programs.error} retry={() => programs.refetch()} />}
      {program && !program.anyClinic && <JoiningSwitch program={program} />}
      <ImportPanel programId={id} />
      <Title order={2} size="h3">
        Застрахованные
      </Title>
      <SearchInput
        aria-label="Поиск застрахованных"
        placeholder="ФИО, номер полиса или телефон"
        value={search}
        onChange={setSearch}
        maw={420}
      />
      {insured.isError ? (
        <QueryError error={insured.error} retry={() => insured.refetch()} />
      ) : (
        <>
          <ResponsiveList
            items={insured.data?.items}
            loading={insured.isPending}
            rowKey={(p) => p.id}
            columns={INSURED_COLUMNS}
            row={(p) => <InsuredCells p={p} />}
            card={(p) => <InsuredCard p={p} />}
            minWidth={820}
            data-testid="insured-table"
            rowTestId="insured-row"
          />
          {insured.data?.items.length === 0 && (
            <Text c="dimmed" ta="center" py="md">
              Никого не нашли.
            </Text>
          )}
          <ListPages
            summary={insured.data ? `Всего: ${insured.data.total}` : ' '}
            total={insured.data?.total}
            pageSize={INSURED_PAGE}
            page={page}
            onPage={setPage}
          />
        </>
      )}
    </Stack>
  );
}
