import { Alert, Button, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { AuditEntry } from '@remed/core';
import { IconDownload, IconX } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, queryString } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { AuditCards } from './AuditCards.tsx';
import { AuditFilters, type AuditFilterValues } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';

const PAGE_SIZE = 50;

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filters: AuditFilterValues = {
    action: params.get('action'),
    entityType: params.get('entityType'),
    actorId: params.get('actorId'),
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const entityId = params.get('entityId');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filterQuery = { ...filters, entityId };

  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );

  const audit = useQuery({
    queryKey: ['admin', 'audit', filterQuery, page],
    queryFn: () =>
      api.get<{ items: AuditEntry[]; total: number }>(
        `/api/admin/audit${queryString({ ...filterQuery, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const pages = Math.max(1, Math.ceil((audit.data?.total ?? 0) / PAGE_SIZE));

  return (
    <Stack gap="md" data-testid="page-audit">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Журнал действий
        </Title>
        <Button
          component="a"
          href={`/api/admin/audit.csv${queryString(filterQuery)}`}
          download
          variant="light"
          leftSection={<IconDownload size={18} />}
        >
          Скачать CSV
        </Button>
      </Group>
      <Text c="dimmed" size="sm">
        Кто, когда и что изменил в системе. Откройте подробности записи, чтобы увидеть, что было до изменения
        и что стало после.
      </Text>
      <AuditFilters value={filters} onChange={setParam} />
      {entityId && (
        <Alert
          variant="light"
          withCloseButton
          closeButtonLabel="Показать все объекты"
          onClose={() => setParam('entityId', null)}
          icon={<IconX size={16} />}
        >
          Показаны записи только по объекту {entityId}
        </Alert>
      )}
      {audit.isError ? (
        <QueryError error={audit.error} retry={() => audit.refetch()} />
      ) : (
        <>
          {narrow ? (
            <AuditCards entries={audit.data?.items} loading={audit.isPending} open={open} toggle={toggle} />
          ) : (
            <AuditTable entries={audit.data?.items} loading={audit.isPending} open={open} toggle={toggle} />
          )}
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">
              {audit.data ? `Записей: ${audit.data.total}` : ' '}
            </Text>
            {pages > 1 && (
              <Pagination total={pages} value={page} onChange={(p) => setParam('page', String(p))} />
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
