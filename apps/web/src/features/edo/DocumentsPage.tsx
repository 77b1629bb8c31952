import { Alert, Anchor, Button, Card, Group, Skeleton, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import {
  DOCUMENT_STATUS_LABELS,
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  type EdoDocumentView,
  ruDate,
} from '@remed/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useCurrentClinic } from '../../app/clinic.tsx';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { ClinicFilter } from './AdminContractsPage.tsx';
import { type DocumentFilters, emptyDocumentFilters, useDocuments, useEdoClinics } from './api.ts';
import { DocumentDrawer, docTitle } from './DocumentDrawer.tsx';
import { EdoFilters } from './EdoFilters.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { SignDialog, type SignSubject } from './SignDialog.tsx';
import { DocumentStatusBadge } from './StatusBadges.tsx';
import { UploadDocumentModal } from './UploadDocumentModal.tsx';

const TYPES = DOCUMENT_TYPES.map((t) => ({ value: t, label: DOCUMENT_TYPE_LABELS[t] }));
const STATUSES = Object.entries(DOCUMENT_STATUS_LABELS).map(([value, label]) => ({ value, label }));

function DocumentList({
  docs,
  all,
  onOpen,
}: {
  docs: EdoDocumentView[];
  all: boolean;
  onOpen: (d: EdoDocumentView) => void;
}) {
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const from = (d: EdoDocumentView) =>
    d.senderSide === 'service' ? 'Сервис' : all ? d.clinicName : 'Клиника';
  if (narrow)
    return (
      <Stack gap="sm">
        {docs.map((d) => (
          <Card key={d.id} withBorder padding="sm" data-testid="document-row">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Anchor component="button" type="button" fw={600} ta="left" onClick={() => onOpen(d)}>
                {docTitle(d)}
              </Anchor>
              <DocumentStatusBadge status={d.status} />
            </Group>
            <Text size="sm" c="dimmed">
              От: {from(d)} · {formatDateTime(d.createdAt)}
            </Text>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Документ</Table.Th>
            {all && <Table.Th>Клиника</Table.Th>}
            <Table.Th>От кого</Table.Th>
            <Table.Th>Период</Table.Th>
            <Table.Th>Отправлен</Table.Th>
            <Table.Th>Состояние</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {docs.map((d) => (
            <Table.Tr key={d.id} data-testid="document-row">
              <Table.Td>
                <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onOpen(d)}>
                  {docTitle(d)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {d.fileName}
                </Text>
              </Table.Td>
              {all && <Table.Td>{d.clinicName}</Table.Td>}
              <Table.Td>{from(d)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {d.periodFrom || d.periodTo
                  ? `${d.periodFrom ? ruDate(d.periodFrom) : '…'} — ${d.periodTo ? ruDate(d.periodTo) : '…'}`
                  : '—'}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.createdAt)}</Table.Td>
              <Table.Td>
                <DocumentStatusBadge status={d.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Documents exchanged with the service (a clinic) or with every clinic (the service's staff). */
function DocumentsWorkspace({
  clinicId,
  all,
  recipient,
}: {
  clinicId: string | null;
  all: boolean;
  recipient: string;
}) {
  const [f, setF] = useState<DocumentFilters>(emptyDocumentFilters);
  const [q] = useDebouncedValue(f.q, 300);
  const docs = useDocuments({ clinicId, all }, { ...f, q });
  const [open, setOpen] = useState<EdoDocumentView | null>(null);
  const [signing, setSigning] = useState<SignSubject | null>(null);
  const [uploading, setUploading] = useState(false);
  return (
    <Tabs defaultValue="documents" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="documents">Документы</Tabs.Tab>
        <Tabs.Tab value="history" data-testid="history-tab">
          История действий
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="documents">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <EdoFilters
              value={f}
              onChange={(patch) => setF((x) => ({ ...x, ...patch }))}
              kind={{ key: 'type', label: 'Тип', placeholder: 'Все типы', data: TYPES, basis: '1 1 150px' }}
              status={{ label: 'Состояние', data: STATUSES, basis: '1 1 150px' }}
              period={{ from: 'Отправлен с', to: 'по' }}
              searchHint="Номер, имя файла, комментарий"
              data-testid="document-filters"
            />
          </Group>
          <Button
            leftSection={<IconUpload size={18} />}
            onClick={() => setUploading(true)}
            disabled={!clinicId}
            style={{ alignSelf: 'flex-start' }}
            data-testid="upload-document"
          >
            Отправить документ
          </Button>
          {!clinicId && (
            <Text size="sm" c="dimmed">
              Чтобы отправить документ, выберите клинику.
            </Text>
          )}
          {docs.isError && <QueryError error={docs.error} retry={() => docs.refetch()} />}
          {docs.isPending && <Skeleton h={160} />}
          {docs.data?.length === 0 && (
            <Text c="dimmed" ta="center" py="md" data-testid="documents-empty">
              Документов не найдено. Здесь появятся акты, реестры, отчёты и письма, которыми вы обмениваетесь.
            </Text>
          )}
          {!!docs.data?.length && <DocumentList docs={docs.data} all={all} onOpen={setOpen} />}
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="history">
        <HistoryPanel clinicId={clinicId} all={all} />
      </Tabs.Panel>
      {clinicId && (
        <UploadDocumentModal
          clinicId={clinicId}
          recipient={recipient}
          opened={uploading}
          onClose={() => setUploading(false)}
        />
      )}
      <DocumentDrawer doc={open} onClose={() => setOpen(null)} onSign={setSigning} />
      <SignDialog subject={signing} onClose={() => setSigning(null)} />
    </Tabs>
  );
}

export function ClinicDocumentsPage() {
  const user = useUser();
  const { clinic } = useCurrentClinic(user);
  if (!clinic)
    return <Alert color="yellow">Учётная запись не привязана к клинике. Обратитесь к администратору.</Alert>;
  return (
    <Stack gap="md" data-testid="page-clinic-documents">
      <Stack gap={4}>
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Документы
        </Title>
        <Text c="dimmed">
          Акты, реестры, отчёты и письма между {clinic.name} и сервисом. Откройте документ, чтобы скачать,
          подписать кодом или отклонить с причиной.
        </Text>
      </Stack>
      <DocumentsWorkspace key={clinic.id} clinicId={clinic.id} all={false} recipient="сервису" />
    </Stack>
  );
}

export function AdminDocumentsPage() {
  const [clinicId, setClinicId] = useState<string | null>(null);
  const clinics = useEdoClinics();
  const name = clinics.data?.find((c) => c.id === clinicId)?.name ?? 'клинике';
  return (
    <Stack gap="md" data-testid="page-admin-documents">
      <Stack gap={4}>
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Документы клиник
        </Title>
        <Text c="dimmed">Электронный документооборот с клиниками: отправка, подписание и история.</Text>
      </Stack>
      <ClinicFilter value={clinicId} onChange={setClinicId} />
      <DocumentsWorkspace key={clinicId ?? 'all'} clinicId={clinicId} all recipient={name} />
    </Stack>
  );
}
