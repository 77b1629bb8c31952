import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { type CashbackView, cashbackChangeSchema, ruDate } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerErrors } from '../../app/forms.ts';
import { cashbackKey, changeCashback } from './api.ts';

type FormValues = z.input<typeof cashbackChangeSchema>;
const FIELDS = ['percent', 'validFrom'] as const;

/** A new percent from a day on: today or later, never backdated; the page shows the saved schedule at once. */
export function useCashbackForm(clinicId: string, view: CashbackView) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({
    resolver: zodResolver(cashbackChangeSchema),
    defaultValues: { percent: view.current?.percent ?? 5, validFrom: view.today },
  });
  const { handleSubmit, setError } = form;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    if (values.validFrom < view.today) {
      setError('validFrom', { message: `Не раньше сегодняшнего дня, ${ruDate(view.today)}` });
      return;
    }
    try {
      const saved = await changeCashback(clinicId, values);
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

  return { form, onSubmit, formError };
}
