import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { normalizeRuPhone } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import { FormError } from '../../ui/FormError.tsx';
import { useCheckedSave } from '../../ui/useCheckedSave.ts';
import { maskRuPhone } from '../registration/phoneMask.ts';
import { type PayoutDetails, payoutDetailsKey, prettyPhone, usePayoutDetails, useSbpBanks } from './api.ts';

/** Phone and bank for СБП: where the insurer sends the money. */
export function PayoutDetailsForm({
  submitLabel = 'Сохранить',
  onSaved,
}: {
  submitLabel?: string;
  onSaved?: (details: PayoutDetails) => void | Promise<void>;
}) {
  const queryClient = useQueryClient();
  const details = usePayoutDetails();
  const banks = useSbpBanks();
  const [phone, setPhone] = useState('');
  const [bankId, setBankId] = useState<string | null>(null);
  const { errors, saving, save } = useCheckedSave(
    ['phone', 'bankId'],
    'Не удалось сохранить. Повторите попытку',
  );

  useEffect(() => {
    if (!details.data) return;
    setPhone(details.data.phone ? prettyPhone(details.data.phone) : '');
    setBankId(details.data.bankId);
  }, [details.data]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const normal = normalizeRuPhone(phone);
    const problems: { phone?: string; bankId?: string } = {};
    if (!normal) problems.phone = 'Введите номер мобильного телефона, например +7 916 123-45-67';
    if (!bankId) problems.bankId = 'Выберите банк, в котором вы получаете переводы по СБП';
    return save(problems, async () => {
      const saved = await api.put<PayoutDetails>('/api/me/payout-details', { phone: normal, bankId });
      queryClient.setQueryData(payoutDetailsKey, saved);
      notifications.show({ color: 'teal', message: 'Данные для перевода сохранены' });
      await onSaved?.(saved);
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="payout-details-form">
      <Stack gap="sm" maw={420}>
        <FormError message={errors.form ?? null} />
        <TextInput
          label="Телефон для СБП"
          description="Номер, к которому привязан ваш счёт в банке"
          placeholder="+7 916 123-45-67"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          size="md"
          value={phone}
          onChange={(e) => setPhone(maskRuPhone(e.currentTarget.value))}
          error={errors.phone}
          disabled={details.isPending}
        />
        <Select
          label="Банк"
          description="Куда придут деньги"
          placeholder={banks.isPending ? 'Загружаем список банков…' : 'Выберите банк'}
          data={(banks.data ?? []).map((b) => ({ value: b.bankId, label: b.name }))}
          value={bankId}
          onChange={setBankId}
          searchable
          nothingFoundMessage="Такого банка нет в списке СБП"
          size="md"
          error={errors.bankId}
          comboboxProps={{ withinPortal: true }}
        />
        {banks.isError && (
          <Text size="sm" c="red">
            Не удалось загрузить список банков.{' '}
            <Button variant="subtle" size="compact-sm" onClick={() => banks.refetch()}>
              Повторить
            </Button>
          </Text>
        )}
        <Group>
          <Button type="submit" size="md" loading={saving} data-testid="payout-details-save">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
