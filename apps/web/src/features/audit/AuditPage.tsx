import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { AuditEntry } from '@remed/core';
import { IconX } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, queryString } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { DownloadButton } from '../../ui/DownloadButton.tsx';
import { ListPages } from '../../ui/ListPages.tsx';
import { useListParams } from '../../ui/useListParams.ts';
import { AuditCards } from './AuditCards.tsx';
import { AuditFilters, type AuditFilterValues } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';

const PAGE_SIZE = 50;

export function AuditPage() {
  const { params, page, set } = useListParams();
  const filters: AuditFilterValues = {
    action: params.get('action'),
    entityType: params.get('entityType'),
    actorId: params.get('actorId'),
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const entityId = params.get('entityId');
  const filterQuery = { ...filters, entityId };

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

  return (
    <Stack gap="md" data-testid="page-audit">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Журнал действий
        </Title>
        <DownloadButton
          href={`/api/admin/audit.csv${queryString(filterQuery)}`}
          variant="light"
          iconSize={18}
        >
          Скачать CSV
        </DownloadButton>
      </Group>
      <Text c="dimmed" size="sm">
        Кто, когда и что изменил в системе. Откройте подробности записи, чтобы увидеть, что было до изменения
        и что стало после.
      </Text>
      <AuditFilters value={filters} onChange={(key, value) => set({ [key]: value })} />
      {entityId && (
        <Alert
          variant="light"
          withCloseButton
          closeButtonLabel="Показать все объекты"
          onClose={() => set({ entityId: null })}
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
          <ListPages
            summary={audit.data ? `Записей: ${audit.data.total}` : ' '}
            total={audit.data?.total}
            pageSize={PAGE_SIZE}
            page={page}
            onPage={(p) => set({ page: String(p) })}
          />
        </>
      )}
    </Stack>
  );
}
