import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { type CashbackView, cashbackChangeSchema, ruDate } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { useServerForm } from '../../app/forms.ts';
import { cashbackKey, changeCashback } from './api.ts';

type FormValues = z.input<typeof cashbackChangeSchema>;
const FIELDS = ['percent', 'validFrom'] as const;

/** A new percent from a day on: today or later, never backdated; the page shows the saved schedule at once. */
export function useCashbackForm(clinicId: string, view: CashbackView) {
  const queryClient = useQueryClient();
  const form = useServerForm<FormValues>(
    {
      resolver: zodResolver(cashbackChangeSchema),
      defaultValues: { percent: view.current?.percent ?? 5, validFrom: view.today },
    },
    FIELDS,
  );

  const onSubmit = form.submit(async (values) => {
    if (values.validFrom < view.today) {
      form.setError('validFrom', { message: `Не раньше сегодняшнего дня, ${ruDate(view.today)}` });
      return;
    }
    const saved = await changeCashback(clinicId, values);
    queryClient.setQueryData(cashbackKey(clinicId), saved);
    notifications.show({
      color: 'teal',
      message:
        values.validFrom === view.today
          ? `Кэшбэк ${values.percent} % действует с сегодняшнего дня`
          : `Кэшбэк ${values.percent} % начнёт действовать ${ruDate(values.validFrom)}`,
    });
  });

  return { form, onSubmit };
}
