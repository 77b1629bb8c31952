import { Badge, Button, Card, Group, Radio, Skeleton, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { COMPLAINT_STATUS_TITLES, type ComplaintView, formatRub } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';
import { FormError } from '../../ui/FormError.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useCheckedSave } from '../../ui/useCheckedSave.ts';
import { receiptTime } from '../claims/ClaimPage.tsx';
import { complaintsKey, useComplaints } from './api.ts';

function DecisionForm({ complaint }: { complaint: ComplaintView }) {
  const queryClient = useQueryClient();
  const [justified, setJustified] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const {
    errors,
    saving,
    save: checkAndSave,
  } = useCheckedSave<'justified' | 'reason'>(['reason'], 'Не удалось сохранить решение');

  const save = () => {
    const problems: { justified?: string; reason?: string } = {};
    if (!justified) problems.justified = 'Выберите: жалоба обоснована или нет';
    if (reason.trim().length < 3) problems.reason = 'Укажите причину решения — её увидит застрахованный';
    return checkAndSave(problems, async () => {
      await api.post(`/api/console/complaints/${complaint.id}/decision`, {
        justified: justified === 'yes',
        reason: reason.trim(),
      });
      notifications.show({
        color: 'teal',
        message: justified === 'yes' ? 'Жалоба признана обоснованной' : 'Жалоба признана необоснованной',
      });
      await queryClient.invalidateQueries({ queryKey: complaintsKey });
    });
  };

  return (
    <Stack gap="xs" mt="sm" maw={560}>
      <FormError message={errors.form ?? null} />
      <Radio.Group
        label="Решение"
        description="Обоснованные жалобы снижают рейтинг клиники"
        value={justified}
        onChange={setJustified}
        error={errors.justified}
      >
        <Group mt={6}>
          <Radio value="yes" label="Обоснована" data-testid="complaint-justified" />
          <Radio value="no" label="Не обоснована" data-testid="complaint-unjustified" />
        </Group>
      </Radio.Group>
      <Textarea
        label="Причина"
        description="Что показала проверка; застрахованный увидит этот текст у своего чека"
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        data-testid="complaint-reason"
      />
      <Group>
        <Button onClick={save} loading={saving} data-testid="complaint-save">
          Сохранить решение
        </Button>
      </Group>
    </Stack>
  );
}

function ComplaintCard({ complaint: c }: { complaint: ComplaintView }) {
  return (
    <Card withBorder padding="md" data-testid="complaint-row">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={700}>{c.clinic.name}</Text>
          <Text size="sm" c="dimmed">
            {c.insuredName}
            {c.policyNumber ? ` · полис ${c.policyNumber}` : ''} · письмо {c.letterNumber} · чек на{' '}
            {formatRub(c.receiptSum)} от {receiptTime(c.receiptDateTime)}
          </Text>
        </Stack>
        <Badge
          variant="light"
          color={c.status === 'new' ? 'yellow' : c.status === 'justified' ? 'red' : 'gray'}
          style={{ textTransform: 'none' }}
        >
          {COMPLAINT_STATUS_TITLES[c.status]}
        </Badge>
      </Group>
      <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
        {c.text}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        Подана {formatDateTime(c.createdAt)}
      </Text>
      {c.status === 'new' ? (
        <DecisionForm complaint={c} />
      ) : (
        <Text size="sm" mt="xs">
          Решение {c.decidedBy ? `(${c.decidedBy}, ${formatDateTime(c.decidedAt)})` : ''}: {c.decisionReason}
        </Text>
      )}
    </Card>
  );
}

function ComplaintList({ status }: { status: 'new' | 'decided' }) {
  const list = useComplaints(status);
  if (list.isError) return <QueryError error={list.error} retry={() => list.refetch()} />;
  if (list.isPending) return <Skeleton h={160} />;
  if (!list.data.length)
    return (
      <Text c="dimmed" ta="center" py="xl" data-testid="complaints-empty">
        {status === 'new' ? 'Новых жалоб нет.' : 'Рассмотренных жалоб пока нет.'}
      </Text>
    );
  return (
    <Stack gap="sm">
      {list.data.map((c) => (
        <ComplaintCard key={c.id} complaint={c} />
      ))}
    </Stack>
  );
}

export function ComplaintsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'decided' ? 'decided' : 'new';
  return (
    <Stack gap="md" maw={960} data-testid="page-complaints">
      <PageHeader title="Жалобы на клиники">
        Жалобы застрахованных по их чекам. Разберитесь, что произошло, при необходимости свяжитесь с клиникой
        и решите, обоснована ли жалоба: обоснованные снижают рейтинг клиники.
      </PageHeader>
      <Tabs value={tab} onChange={(v) => setParams(v === 'decided' ? { tab: 'decided' } : {})}>
        <Tabs.List>
          <Tabs.Tab value="new">Новые</Tabs.Tab>
          <Tabs.Tab value="decided">Рассмотренные</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <ComplaintList status={tab} />
    </Stack>
  );
}
