import { Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { CASHBACK_MAX, CASHBACK_MIN, type CashbackView } from '@remed/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { Controller } from 'react-hook-form';
import { FormError } from '../../ui/FormError.tsx';
import { cashbackExample } from './api.ts';
import { useCashbackForm } from './useCashbackForm.ts';

/** What a valid percent gives a patient, under the field, as the person types. */
function Example({ percent }: { percent: unknown }) {
  if (typeof percent !== 'number' || percent < CASHBACK_MIN || percent > CASHBACK_MAX) return null;
  const example = cashbackExample(percent);
  return (
    <Text size="sm" c="dimmed">
      Пациент, оплативший {example.paid}, получит {example.back}.
    </Text>
  );
}

export function ChangeCashbackForm({ clinicId, view }: { clinicId: string; view: CashbackView }) {
  const { form, onSubmit } = useCashbackForm(clinicId, view);
  const {
    control,
    field: fieldOf,
    formError,
    watch,
    formState: { errors, isSubmitting },
  } = form;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Изменить процент
      </Title>
      <form onSubmit={onSubmit} noValidate data-testid="cashback-form">
        <Stack gap="sm" maw={480}>
          <FormError message={formError} />
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
            data-testid="cashback-date"
            {...fieldOf('validFrom')}
          />
          <Example percent={watch('percent')} />
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
