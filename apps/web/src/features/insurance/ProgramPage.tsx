import {
  Anchor,
  Badge,
  Card,
  Group,
  Pagination,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { type InsuredPersonView, ruDate } from '@remed/core';
import { IconArrowLeft, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { TableLoadingRow } from '../../ui/TableLoadingRow.tsx';
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

function InsuredList({ items, loading }: { items: InsuredPersonView[] | undefined; loading: boolean }) {
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  if (narrow)
    return (
      <Stack gap="sm" data-testid="insured-table">
        {loading && <Skeleton h={90} />}
        {items?.map((p) => (
          <Card key={p.id} withBorder padding="sm" data-testid="insured-row">
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
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped verticalSpacing="sm" data-testid="insured-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>ФИО</Table.Th>
            <Table.Th>Дата рождения</Table.Th>
            <Table.Th>Полис</Table.Th>
            <Table.Th>Срок</Table.Th>
            <Table.Th>Контакты</Table.Th>
            <Table.Th>Состояние</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading && <TableLoadingRow colSpan={6} />}
          {items?.map((p) => (
            <Table.Tr key={p.id} data-testid="insured-row">
              <Table.Td>
                <Text size="sm" fw={600}>
                  {p.fullName}
                </Text>
              </Table.Td>
              <Table.Td>{ruDate(p.birthDate)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.policyNumber}</Table.Td>
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
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ProgramPage() {
  const { id = '' } = useParams();
  const programs = usePrograms();
  const program = programs.data?.find((p) => p.id === id);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const insured = useInsured(id, q, page);
  const pages = Math.max(1, Math.ceil((insured.data?.total ?? 0) / INSURED_PAGE));

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
      <TextInput
        aria-label="Поиск застрахованных"
        placeholder="ФИО, номер полиса или телефон"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setPage(1);
        }}
        maw={420}
      />
      {insured.isError ? (
        <QueryError error={insured.error} retry={() => insured.refetch()} />
      ) : (
        <>
          <InsuredList items={insured.data?.items} loading={insured.isPending} />
          {insured.data?.items.length === 0 && (
            <Text c="dimmed" ta="center" py="md">
              Никого не нашли.
            </Text>
          )}
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">
              {insured.data ? `Всего: ${insured.data.total}` : ' '}
            </Text>
            {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
          </Group>
        </>
      )}
    </Stack>
  );
}
