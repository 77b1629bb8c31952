import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { HelpRequestView } from '@remed/core';
import { IconPhoneCall, IconPhoto } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, isApiError } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useServerForm } from '../../app/forms.ts';
import { FormError } from '../../ui/FormError.tsx';
import { ANSWER_LABELS } from '../insured/api.ts';
import { type RequestStatus, requestsKey, useConsoleRequests } from './api.ts';

const TABS: { value: RequestStatus; label: string }[] = [
  { value: 'new', label: 'Новые' },
  { value: 'in_work', label: 'В работе' },
  { value: 'closed', label: 'Закрытые' },
];

function RequestCard({ request: r }: { request: HelpRequestView }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      const { id } = await api.post<{ id: string }>(`/api/console/requests/${r.id}/case`);
      await queryClient.invalidateQueries({ queryKey: requestsKey });
      navigate(`/console/cases/${id}`);
    } catch (e) {
      notifications.show({ color: 'red', message: isApiError(e) ? e.message : 'Не удалось открыть случай' });
      setBusy(false);
    }
  };
  return (
    <Card withBorder padding="md" data-testid="inbox-request">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={700}>{r.insuredName}</Text>
          <Text size="sm" c="dimmed">
            {r.policyNumber ? `Полис ${r.policyNumber} · ` : ''}
            {formatDateTime(r.createdAt)} · {r.channel === 'phone' ? 'звонок' : 'приложение'}
          </Text>
        </div>
        <Group gap="xs">
          {r.hasPhoto && (
            <Badge
              variant="light"
              color="gray"
              leftSection={<IconPhoto size={12} />}
              style={{ textTransform: 'none' }}
            >
              фото
            </Badge>
          )}
          <Button size="sm" onClick={open} loading={busy} aria-label={`Взять в работу: ${r.insuredName}`}>
            {r.status === 'new' ? 'Взять в работу' : 'Открыть'}
          </Button>
        </Group>
      </Group>
      <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
        {r.complaint}
      </Text>
      {Object.keys(r.answers).length > 0 && (
        <Group gap="md" mt={4}>
          {Object.entries(r.answers).map(([k, v]) => (
            <Text key={k} size="sm" c="dimmed">
              {ANSWER_LABELS[k] ?? k}: {v}
            </Text>
          ))}
        </Group>
      )}
    </Card>
  );
}

function RequestList({ status }: { status: RequestStatus }) {
  const requests = useConsoleRequests(status);
  if (requests.isError) return <QueryError error={requests.error} retry={() => requests.refetch()} />;
  if (requests.isPending) return <Skeleton h={120} />;
  const sorted = [...requests.data].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (sorted.length === 0)
    return (
      <Text c="dimmed" ta="center" py="xl">
        {status === 'new' ? 'Новых обращений нет.' : 'Здесь пока пусто.'}
      </Text>
    );
  return (
    <Stack gap="sm">
      {sorted.map((r) => (
        <RequestCard key={r.id} request={r} />
      ))}
    </Stack>
  );
}

interface PhoneForm {
  policyNumber: string;
  complaint: string;
}

function PhoneCallModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const phone = useMediaQuery('(max-width: 36em)');
  const form = useServerForm<PhoneForm>({ defaultValues: { policyNumber: '', complaint: '' } }, [
    'policyNumber',
    'complaint',
  ]);
  const { field } = form;
  const close = () => {
    form.reset();
    form.setFormError(null);
    onClose();
  };
  const onSubmit = form.submit(async (values) => {
    const { id } = await api.post<{ id: string }>('/api/console/requests', values);
    const opened = await api.post<{ id: string }>(`/api/console/requests/${id}/case`);
    await queryClient.invalidateQueries({ queryKey: requestsKey });
    close();
    navigate(`/console/cases/${opened.id}`);
  });
  return (
    <Modal opened={opened} onClose={close} title="Записать звонок" fullScreen={phone} size="lg">
      <form onSubmit={onSubmit} noValidate data-testid="phone-request-form">
        <Stack gap="md">
          <FormError message={form.formError} />
          <TextInput
            label="Номер полиса"
            placeholder="ДМС-0012345"
            autoFocus
            {...field('policyNumber', { validate: (v) => v.trim().length >= 3 || 'Укажите номер полиса' })}
          />
          <Textarea
            label="Жалобы со слов звонящего"
            autosize
            minRows={4}
            {...field('complaint', { validate: (v) => v.trim().length >= 3 || 'Опишите, что беспокоит' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Отмена
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              Записать и открыть случай
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function InboxPage() {
  const [params, setParams] = useSearchParams();
  const tab = (TABS.find((t) => t.value === params.get('tab'))?.value ?? 'new') as RequestStatus;
  const [calling, { open, close }] = useDisclosure(false);
  return (
    <Stack gap="md" data-testid="page-inbox">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Обращения
        </Title>
        <Button leftSection={<IconPhoneCall size={18} />} onClick={open}>
          Записать звонок
        </Button>
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'new' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="md">
            <RequestList status={t.value} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <PhoneCallModal opened={calling} onClose={close} />
    </Stack>
  );
}
