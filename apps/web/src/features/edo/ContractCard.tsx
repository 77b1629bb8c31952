import { Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { type ContractView, ruDate, SUPPLEMENT_TYPE_LABELS } from '@remed/core';
import { IconFileCheck, IconSend, IconSignature } from '@tabler/icons-react';
import { formatDateTime } from '../../app/format.ts';
import { DownloadButton } from '../../ui/DownloadButton.tsx';
import { contractUrl } from './api.ts';
import type { SignSubject } from './SignDialog.tsx';
import { ContractStatusBadge } from './StatusBadges.tsx';

const SIDES = { service: 'Сервис', clinic: 'Клиника' } as const;

export function signSubjectOf(c: ContractView): SignSubject {
  return {
    baseUrl: contractUrl(c),
    title: c.title,
    documentHash: c.pdfSha256,
    fileUrl: `${contractUrl(c)}/pdf`,
    fileLabel: `Скачать ${c.kind === 'contract' ? 'договор' : 'соглашение'} (PDF) и прочитать перед подписью`,
  };
}

interface Props {
  contract: ContractView;
  showClinic?: boolean;
  onSign: (c: ContractView) => void;
  /** Service actions: send, regenerate, cancel, supplementary agreement. */
  serviceActions?: (c: ContractView) => React.ReactNode;
}

function terms(c: ContractView): string {
  if (c.kind === 'contract') return `Действует по ${c.validUntil ? ruDate(c.validUntil) : '—'} включительно`;
  const type = c.supplementType ? SUPPLEMENT_TYPE_LABELS[c.supplementType] : '';
  if (c.supplementType === 'prolongation') return `${type}: по ${ruDate(c.validUntil!)}`;
  if (c.supplementType === 'cashback') return `${type}: ${c.cashbackPercent} % с ${ruDate(c.effectiveFrom!)}`;
  return `${type} с ${c.effectiveFrom ? ruDate(c.effectiveFrom) : '—'}`;
}

/** One contract or agreement: its state, who signed when, the files and what the user may do now. */
export function ContractCard({ contract: c, showClinic, onSign, serviceActions }: Props) {
  return (
    <Card withBorder padding="md" data-testid="contract-card" data-number={c.number}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 260px' }}>
            <Text fw={700} data-testid="contract-title">
              {c.title}
            </Text>
            {showClinic && <Text size="sm">{c.clinicName}</Text>}
            <Text size="sm" c="dimmed">
              {c.parentNumber ? `к договору № ${c.parentNumber} · ` : ''}от {ruDate(c.documentDate)} ·{' '}
              {terms(c)}
            </Text>
          </Stack>
          <ContractStatusBadge status={c.status} />
        </Group>
        {c.cancelReason && (
          <Text size="sm" c="red">
            Причина отмены: {c.cancelReason}
          </Text>
        )}
        {c.signatures.length > 0 && (
          <List
            size="sm"
            spacing={2}
            icon={<IconFileCheck size={16} color="teal" aria-hidden />}
            data-testid="signatures"
          >
            {c.signatures.map((s) => (
              <List.Item key={s.side}>
                {SIDES[s.side]}: {s.signerName}, {s.signerPost} — {formatDateTime(s.signedAt)}
              </List.Item>
            ))}
          </List>
        )}
        <Group gap="xs" wrap="wrap">
          <DownloadButton href={`${contractUrl(c)}/pdf`} variant="default" size="xs" iconSize={14}>
            PDF
          </DownloadButton>
          {c.signatures.length > 0 && (
            <DownloadButton
              href={`${contractUrl(c)}/signed.pdf`}
              variant="light"
              color="teal"
              size="xs"
              data-testid="signed-pdf"
              iconSize={14}
            >
              Подписанный PDF
            </DownloadButton>
          )}
          {c.actions.includes('sign') && (
            <Button
              size="xs"
              leftSection={<IconSignature size={14} />}
              onClick={() => onSign(c)}
              data-testid="sign-contract"
            >
              Подписать
            </Button>
          )}
          {serviceActions?.(c)}
        </Group>
        {c.status === 'sent' && c.actions.length === 0 && (
          <Text size="xs" c="dimmed">
            <IconSend size={12} aria-hidden /> Ожидает подписи клиники
          </Text>
        )}
      </Stack>
    </Card>
  );
}
