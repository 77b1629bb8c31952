import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  CASHBACK_MAX,
  CASHBACK_MIN,
  type CashbackView,
  cashbackChangeSchema,
  formatRub,
  percentHalfUp,
  ruDate,
} from '@remed/core';
import { IconCalendarEvent, IconGift } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { api, isApiError } from '../../app/api.ts';
import { CabinetPage } from '../../app/CabinetPage.tsx';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { applyServerErrors } from '../../app/forms.ts';
import { cashbackKey, useCashback } from './api.ts';

type FormValues = z.input<typeof cashbackChangeSchema>;
const FIELDS = ['percent', 'validFrom'] as const;
/** A typical visit, to show what a percent means in rubles. */
const EXAMPLE_VISIT = 250_000;

const period = (p: { validFrom: string; validTo: string | null }) =>
  p.validTo ? `${ruDate(p.validFrom)} — ${ruDate(p.validTo)}` : `с ${ruDate(p.validFrom)}`;

function CurrentCard({ view }: { view: CashbackView }) {
  const next = view.scheduled[0];
  return (
    <Card withBorder padding="lg" data-testid="cashback-current">
      <Group gap="md" align="flex-start" wrap="nowrap">
        <IconGift size={36} aria-hidden style={{ flexShrink: 0 }} />
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            Кэшбэк для пациентов сейчас
          </Text>
          {view.current ? (
            <>
              <Text fz={40} fw={700} lh={1} data-testid="cashback-percent">
                {view.current.percent} %
              </Text>
              <Text size="sm">
                действует с {ruDate(view.current.validFrom)}
                {view.current.validTo ? ` по ${ruDate(view.current.validTo)}` : ''}
              </Text>
            </>
          ) : (
            <Text fz="lg" fw={600} data-testid="cashback-percent">
              Клиника пока не участвует в бонусной программе
            </Text>
          )}
          {next && (
            <Text size="sm" c="teal.8">
              С {ruDate(next.validFrom)} — {next.percent} %
            </Text>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

function HowItWorks({ percent }: { percent: number | null }) {
  const shown = percent ?? 5;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Как работает бонусная программа
      </Title>
      <List spacing={6} size="sm">
        <List.Item>
          Застрахованный получает кэшбэк — процент от суммы, которую он заплатил в клинике за услуги из
          гарантийного письма, — сверх возмещения страховой. Кэшбэк оплачивает клиника: сумма к выплате есть в
          разделе «Отчёты».
        </List.Item>
        <List.Item>
          Чем выше процент, тем выше клиника в списке, который врач медицинского пульта видит, когда выбирает
          клинику для пациента. Процент также входит в рейтинг клиники.
        </List.Item>
        <List.Item>
          Процент записывается в гарантийное письмо в день выдачи: изменение действует для писем, выданных с
          выбранной даты, и не меняет уже выданные. Задним числом изменить процент нельзя.
        </List.Item>
        <List.Item>
          Пример: при кэшбэке {shown} % пациент, оплативший приём за{' '}
          {formatRub(EXAMPLE_VISIT, { short: true })}, получит{' '}
          {formatRub(percentHalfUp(EXAMPLE_VISIT, shown), { short: true })}.
        </List.Item>
      </List>
    </Card>
  );
}

function ChangeForm({ clinicId, view }: { clinicId: string; view: CashbackView }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    control,
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    resolver: zodResolver(cashbackChangeSchema),
    defaultValues: { percent: view.current?.percent ?? 5, validFrom: view.today },
  });
  const percent = watch('percent');

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    if (values.validFrom < view.today) {
      setError('validFrom', { message: `Не раньше сегодняшнего дня, ${ruDate(view.today)}` });
      return;
    }
    try {
      const saved = await api.post<CashbackView>(`/api/clinics/${clinicId}/cashback`, values);
      queryClient.setQueryData(cashbackKey(clinicId), saved);
      notifications.show({
        color: 'teal',
        message:
          values.validFrom === view.today
            ? `Кэшбэк ${values.percent} % действует с сегодняшнего дня`
            : `Кэшбэк ${values.percent} % начнёт действовать ${ruDate(values.validFrom)}`,
      });
    } catch (e) {
      setFormError(applyServerErrors(e, setError, FIELDS));
    }
  });

  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Изменить процент
      </Title>
      <form onSubmit={onSubmit} noValidate data-testid="cashback-form">
        <Stack gap="sm" maw={480}>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Controller
            control={control}
            name="percent"
            render={({ field }) => (
              <NumberInput
                label="Кэшбэк, %"
                description={`Целое число от ${CASHBACK_MIN} до ${CASHBACK_MAX}`}
                min={CASHBACK_MIN}
                max={CASHBACK_MAX}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                suffix=" %"
                size="md"
                value={field.value}
                onChange={(v) => field.onChange(v === '' ? undefined : Number(v))}
                onBlur={field.onBlur}
                error={errors.percent?.message}
                data-testid="cashback-input"
              />
            )}
          />
          <TextInput
            type="date"
            label="Действует с"
            description="Сегодня или позже. Письма, выданные раньше этой даты, сохраняют прежний процент"
            min={view.today}
            leftSection={<IconCalendarEvent size={18} aria-hidden />}
            error={errors.validFrom?.message}
            data-testid="cashback-date"
            {...register('validFrom')}
          />
          {typeof percent === 'number' && percent >= CASHBACK_MIN && percent <= CASHBACK_MAX && (
            <Text size="sm" c="dimmed">
              Пациент, оплативший {formatRub(EXAMPLE_VISIT, { short: true })}, получит{' '}
              {formatRub(percentHalfUp(EXAMPLE_VISIT, percent), { short: true })}.
            </Text>
          )}
          <Group>
            <Button type="submit" loading={isSubmitting} data-testid="cashback-save">
              Сохранить
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Scheduled({ clinicId, view }: { clinicId: string; view: CashbackView }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  if (!view.scheduled.length) return null;
  const cancel = async (validFrom: string) => {
    setBusy(validFrom);
    try {
      const saved = await api.delete<CashbackView>(`/api/clinics/${clinicId}/cashback/${validFrom}`);
      queryClient.setQueryData(cashbackKey(clinicId), saved);
      notifications.show({ color: 'teal', message: `Изменение с ${ruDate(validFrom)} отменено` });
    } catch (e) {
      notifications.show({ color: 'red', message: isApiError(e) ? e.message : 'Не удалось отменить' });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card withBorder padding="lg" data-testid="cashback-scheduled">
      <Title order={2} size="h4" mb="sm">
        Запланированные изменения
      </Title>
      <Stack gap="xs">
        {view.scheduled.map((s) => (
          <Group key={s.validFrom} justify="space-between" wrap="wrap" data-testid="cashback-scheduled-row">
            <Group gap="xs">
              <Badge variant="light" size="lg">
                {s.percent} %
              </Badge>
              <Text>с {ruDate(s.validFrom)}</Text>
            </Group>
            <Button
              variant="subtle"
              color="red"
              size="sm"
              loading={busy === s.validFrom}
              onClick={() => cancel(s.validFrom)}
              aria-label={`Отменить изменение на ${s.percent} % с ${ruDate(s.validFrom)}`}
            >
              Отменить
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function History({ view }: { view: CashbackView }) {
  return (
    <Card withBorder padding="lg" data-testid="cashback-history">
      <Title order={2} size="h4" mb="sm">
        История
      </Title>
      {view.history.length === 0 ? (
        <Text c="dimmed" size="sm">
          Процент ещё ни разу не устанавливался.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={280}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Кэшбэк</Table.Th>
                <Table.Th>Период</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.history.map((h) => (
                <Table.Tr key={h.validFrom}>
                  <Table.Td fw={600}>{h.percent} %</Table.Td>
                  <Table.Td>{period(h)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function Bonus({ clinicId }: { clinicId: string }) {
  const cashback = useCashback(clinicId);
  if (cashback.isError) return <QueryError error={cashback.error} retry={() => cashback.refetch()} />;
  if (cashback.isPending) return <Skeleton h={320} />;
  const view = cashback.data;
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="md">
          <CurrentCard view={view} />
          <ChangeForm clinicId={clinicId} view={view} />
          <Scheduled clinicId={clinicId} view={view} />
        </Stack>
        <Stack gap="md">
          <HowItWorks percent={view.current?.percent ?? null} />
          <History view={view} />
        </Stack>
      </SimpleGrid>
      <Anchor component={Link} to="/clinic/rating" size="sm">
        Место клиники среди других — в разделе «Рейтинг»
      </Anchor>
    </>
  );
}

export function BonusPage() {
  return (
    <CabinetPage
      title="Бонусная программа"
      intro="Кэшбэк, который клиника платит пациентам сверх возмещения страховой, и как он поднимает клинику в выдаче."
      testId="page-bonus"
    >
      {(clinic) => <Bonus clinicId={clinic.id} />}
    </CabinetPage>
  );
}
