import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type ContractView,
  type CreateSupplement,
  cancelContractSchema,
  createSupplementSchema,
  SUPPLEMENT_TYPE_LABELS,
  SUPPLEMENT_TYPES,
} from '@remed/core';
import { IconFilePlus, IconRefresh, IconSend, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { isApiError } from '../../app/api.ts';
import { useServerForm } from '../../app/forms.ts';
import { FormError } from '../../ui/FormError.tsx';
import { contractUrl, useEdoAction } from './api.ts';
import { ReasonForm } from './ReasonForm.tsx';

const fail = (e: unknown) =>
  notifications.show({ color: 'red', message: isApiError(e) ? e.message : 'Не удалось выполнить действие' });

/** The contracts department's buttons on a contract card. */
export function ServiceContractActions({ contract: c }: { contract: ContractView }) {
  const [cancelling, setCancelling] = useState(false);
  const [supplement, setSupplement] = useState(false);
  const act = useEdoAction<'send' | 'regenerate', ContractView>(
    (a) => `${contractUrl(c)}/${a}`,
    () => ({}),
  );
  const run = (a: 'send' | 'regenerate', done: string) =>
    act.mutateAsync(a).then(() => notifications.show({ color: 'teal', message: done }), fail);

  return (
    <>
      {c.actions.includes('send') && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconSend size={14} />}
          onClick={() => run('send', 'Отправлено клинике на подпись')}
          loading={act.isPending}
        >
          Отправить клинике
        </Button>
      )}
      {c.actions.includes('regenerate') && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconRefresh size={14} />}
          onClick={() => run('regenerate', 'Документ сформирован заново')}
          loading={act.isPending}
        >
          Обновить реквизиты
        </Button>
      )}
      {c.actions.includes('cancel') && (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          leftSection={<IconX size={14} />}
          onClick={() => setCancelling(true)}
        >
          Отменить
        </Button>
      )}
      {c.kind === 'contract' && c.status === 'signed' && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconFilePlus size={14} />}
          onClick={() => setSupplement(true)}
          data-testid="new-supplement"
        >
          Доп. соглашение
        </Button>
      )}
      <Modal opened={cancelling} onClose={() => setCancelling(false)} title={`Отменить: ${c.title}`}>
        {cancelling && (
          <ReasonForm
            url={`${contractUrl(c)}/cancel`}
            schema={cancelContractSchema}
            label="Причина отмены"
            description="Клиника увидит её в истории документа"
            submit="Отменить документ"
            onDone={() => setCancelling(false)}
          />
        )}
      </Modal>
      <Modal
        opened={supplement}
        onClose={() => setSupplement(false)}
        title={`Дополнительное соглашение к договору № ${c.number}`}
      >
        {supplement && <SupplementForm contract={c} onDone={() => setSupplement(false)} />}
      </Modal>
    </>
  );
}

function SupplementForm({ contract: c, onDone }: { contract: ContractView; onDone: () => void }) {
  const create = useEdoAction<CreateSupplement, ContractView>(() => `${contractUrl(c)}/supplements`);
  const form = useServerForm<CreateSupplement>(
    {
      resolver: zodResolver(createSupplementSchema),
      defaultValues: { type: 'prolongation', validUntil: '' } as CreateSupplement,
    },
    ['type', 'validUntil', 'effectiveFrom', 'cashbackPercent'],
  );
  const type = form.watch('type');
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const onSubmit = form.submit(async (v) => {
    await create.mutateAsync(v);
    notifications.show({
      color: 'teal',
      message: 'Проект соглашения создан. Проверьте и отправьте клинике',
    });
    onDone();
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormError message={form.formError} />
        <Controller
          control={form.control}
          name="type"
          render={({ field }) => (
            <Select
              label="Что меняем"
              description="Текст соглашения составляется по шаблону"
              data={SUPPLEMENT_TYPES.map((t) => ({ value: t, label: SUPPLEMENT_TYPE_LABELS[t] }))}
              value={field.value}
              onChange={(v) => field.onChange(v ?? 'prolongation')}
              allowDeselect={false}
            />
          )}
        />
        {type === 'prolongation' ? (
          <TextInput
            type="date"
            label="Новый срок действия договора"
            description={`Сейчас — по ${c.validUntil}`}
            {...form.field('validUntil')}
          />
        ) : (
          <TextInput
            type="date"
            label="Действует с"
            description="Не раньше сегодняшнего дня"
            {...form.field('effectiveFrom')}
          />
        )}
        {type === 'cashback' && (
          <Controller
            control={form.control}
            name="cashbackPercent"
            render={({ field }) => (
              <NumberInput
                label="Кэшбэк, %"
                description="От 2 до 10 % от суммы, оплаченной пациентом"
                min={2}
                max={10}
                value={field.value}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
                error={errors.cashbackPercent?.message}
              />
            )}
          />
        )}
        {type === 'requisites' && (
          <Text size="sm" c="dimmed">
            В соглашение войдут реквизиты клиники, которые записаны сейчас.
          </Text>
        )}
        <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-end' }}>
          Создать проект соглашения
        </Button>
      </Stack>
    </form>
  );
}
