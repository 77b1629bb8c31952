import { Alert, Button, Drawer, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { DOCUMENT_TYPE_LABELS, type EdoDocumentView, rejectDocumentSchema, ruDate } from '@remed/core';
import { IconSignature, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatBytes, formatDateTime } from '../../app/format.ts';
import { DownloadButton } from '../../ui/DownloadButton.tsx';
import { documentUrl, useDocument } from './api.ts';
import { ReasonForm } from './ReasonForm.tsx';
import type { SignSubject } from './SignDialog.tsx';
import { DocumentStatusBadge } from './StatusBadges.tsx';

export const docTitle = (d: Pick<EdoDocumentView, 'type' | 'number' | 'documentDate'>) =>
  `${DOCUMENT_TYPE_LABELS[d.type]} № ${d.number} от ${ruDate(d.documentDate)}`;

const signSubjectOfDocument = (d: EdoDocumentView): SignSubject => ({
  baseUrl: documentUrl(d),
  title: docTitle(d),
  documentHash: d.sha256,
  fileUrl: `${documentUrl(d)}/file`,
  fileLabel: `Скачать ${d.fileName} и прочитать перед подписью`,
});

/** Opening a document here is what marks it received when it came from the other side. */
export function DocumentDrawer({
  doc,
  onClose,
  onSign,
}: {
  doc: EdoDocumentView | null;
  onClose: () => void;
  onSign: (s: SignSubject) => void;
}) {
  const view = useDocument(doc);
  const [rejecting, setRejecting] = useState(false);
  const d = view.data;
  return (
    <Drawer opened={!!doc} onClose={onClose} position="right" size="lg" title={doc ? docTitle(doc) : ''}>
      {view.isError && <QueryError error={view.error} retry={() => view.refetch()} />}
      {view.isPending && <Skeleton h={200} />}
      {d && (
        <Stack gap="md" data-testid="document-drawer">
          <Group gap="xs">
            <DocumentStatusBadge status={d.status} />
            <Text size="sm" c="dimmed">
              {d.senderSide === 'service' ? 'от сервиса' : `от клиники ${d.clinicName}`}
            </Text>
          </Group>
          <Table variant="vertical" layout="fixed" withTableBorder>
            <Table.Tbody>
              {(
                [
                  ['Клиника', d.clinicName],
                  [
                    'Период',
                    d.periodFrom || d.periodTo
                      ? `${d.periodFrom ? ruDate(d.periodFrom) : '…'} — ${d.periodTo ? ruDate(d.periodTo) : '…'}`
                      : '—',
                  ],
                  ['Отправил(а)', `${d.createdBy}, ${formatDateTime(d.createdAt)}`],
                  ['Получен', formatDateTime(d.receivedAt)],
                  ['Файл', `${d.fileName} · ${formatBytes(d.size)}`],
                  ['SHA-256', d.sha256],
                  ['Комментарий', d.comment ?? '—'],
                ] as const
              ).map(([k, v]) => (
                <Table.Tr key={k}>
                  <Table.Th w={120}>{k}</Table.Th>
                  <Table.Td
                    style={{ wordBreak: k === 'SHA-256' ? 'break-all' : 'normal', overflowWrap: 'anywhere' }}
                  >
                    {v}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {d.status === 'rejected' && (
            <Alert color="red" title="Отклонён">
              {d.rejectReason}
            </Alert>
          )}
          {d.signature && (
            <Alert
              color="teal"
              title="Подписан простой электронной подписью"
              data-testid="document-signature"
            >
              {d.signature.signerName}, {d.signature.signerPost} — {formatDateTime(d.signature.signedAt)}
            </Alert>
          )}
          <Group gap="xs" wrap="wrap">
            <DownloadButton href={`${documentUrl(d)}/file`} variant="default" iconSize={16}>
              Скачать файл
            </DownloadButton>
            {d.signature && (
              <DownloadButton
                href={`${documentUrl(d)}/signed.pdf`}
                variant="light"
                color="teal"
                data-testid="document-signed-pdf"
                iconSize={16}
              >
                Лист подписания
              </DownloadButton>
            )}
            {d.actions.includes('sign') && (
              <Button
                leftSection={<IconSignature size={16} />}
                onClick={() => onSign(signSubjectOfDocument(d))}
                data-testid="sign-document"
              >
                Подписать
              </Button>
            )}
            {d.actions.includes('reject') && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconX size={16} />}
                onClick={() => setRejecting(true)}
              >
                Отклонить
              </Button>
            )}
          </Group>
          {rejecting && (
            <ReasonForm
              url={`${documentUrl(d)}/reject`}
              schema={rejectDocumentSchema}
              label="Причина отказа"
              description="Что исправить: другая сторона получит её письмом"
              submit="Отклонить документ"
              onDone={() => setRejecting(false)}
            />
          )}
        </Stack>
      )}
    </Drawer>
  );
}
