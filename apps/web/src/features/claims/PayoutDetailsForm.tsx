import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { normalizeRuPhone } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { api, isApiError } from '../../app/api.ts';
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
  const [errors, setErrors] = useState<{ phone?: string; bankId?: string; form?: string }>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!details.data) return;
    setPhone(details.data.phone ? prettyPhone(details.data.phone) : '');
    setBankId(details.data.bankId);
  }, [details.data]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const normal = normalizeRuPhone(phone);
    const next: typeof errors = {};
    if (!normal) next.phone = 'Введите номер мобильного телефона, например +7 916 123-45-67';
    if (!bankId) next.bankId = 'Выберите банк, в котором вы получаете переводы по СБП';
    setErrors(next);
    if (!normal || !bankId) return;
    setSaving(true);
    try {
      const saved = await api.put<PayoutDetails>('/api/me/payout-details', { phone: normal, bankId });
      queryClient.setQueryData(payoutDetailsKey, saved);
      notifications.show({ color: 'teal', message: 'Данные для перевода сохранены' });
      await onSaved?.(saved);
    } catch (err) {
      if (isApiError(err))
        setErrors({ phone: err.fields.phone, bankId: err.fields.bankId, form: err.message });
      else setErrors({ form: 'Не удалось сохранить. Повторите попытку' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="payout-details-form">
      <Stack gap="sm" maw={420}>
        {errors.form && (
          <Alert color="red" role="alert">
            {errors.form}
          </Alert>
        )}
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
