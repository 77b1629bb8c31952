import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { formatQr, parseRubles } from '@remed/core';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';

const digits = (max: number) => (v: string) => v.replace(/\D/g, '').slice(0, max);

const formSchema = z.object({
  date: z.iso.date('Укажите дату покупки'),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Укажите время покупки, например 14:35'),
  sum: z
    .string()
    .trim()
    .refine((v) => (parseRubles(v.replace(/\s/g, '').replace(',', '.')) ?? 0) > 0, {
      message: 'Укажите сумму чека в рублях, например 3715,00',
    }),
  fn: z.string().regex(/^\d{16}$/, 'Номер ФН — ровно 16 цифр'),
  i: z.string().regex(/^\d{1,10}$/, 'Номер ФД — только цифры'),
  fp: z.string().regex(/^\d{1,10}$/, 'ФП — только цифры, до 10 знаков'),
  n: z.enum(['1', '2']),
});
type FormValues = z.infer<typeof formSchema>;

/** The receipt's six requisites typed by hand, turned into the same string a QR code carries. */
export function ManualEntry({ busy, onSubmit }: { busy: boolean; onSubmit: (qr: string) => void }) {
  const {
    register,
    control,
    handleSubmit,
    formState: { errors },
  } = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { date: '', time: '', sum: '', fn: '', i: '', fp: '', n: '1' },
  });

  const submit = handleSubmit((v) => {
    const sum = parseRubles(v.sum.replace(/\s/g, '').replace(',', '.')) ?? 0;
    onSubmit(
      formatQr({
        dateTime: `${v.date}T${v.time}:00`,
        sum,
        fn: v.fn,
        i: Number(v.i),
        fp: Number(v.fp),
        n: v.n === '2' ? 2 : 1,
      }),
    );
  });

  return (
    <form onSubmit={submit} noValidate data-testid="manual-entry">
      <Stack gap="md" maw={640}>
        <Text fz="md">
          Все эти данные напечатаны внизу чека, рядом с QR-кодом. Перепишите их без пробелов.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            type="date"
            label="Дата покупки"
            description="Дата в верхней или нижней части чека"
            size="md"
            error={errors.date?.message}
            {...register('date')}
          />
          <TextInput
            type="time"
            label="Время покупки"
            description="Часы и минуты рядом с датой"
            size="md"
            error={errors.time?.message}
            {...register('time')}
          />
        </SimpleGrid>
        <TextInput
          label="Сумма чека, ₽"
          description="Строка «ИТОГ» — сколько вы заплатили, например 3715,00"
          inputMode="decimal"
          size="md"
          error={errors.sum?.message}
          {...register('sum')}
        />
        <Controller
          control={control}
          name="fn"
          render={({ field }) => (
            <TextInput
              label="Номер ФН"
              description="Строка «ФН» или «ФН №» — 16 цифр"
              inputMode="numeric"
              size="md"
              error={errors.fn?.message}
              {...field}
              onChange={(e) => field.onChange(digits(16)(e.currentTarget.value))}
            />
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Controller
            control={control}
            name="i"
            render={({ field }) => (
              <TextInput
                label="Номер ФД"
                description="Строка «ФД» или «ФД №» — номер документа"
                inputMode="numeric"
                size="md"
                error={errors.i?.message}
                {...field}
                onChange={(e) => field.onChange(digits(10)(e.currentTarget.value))}
              />
            )}
          />
          <Controller
            control={control}
            name="fp"
            render={({ field }) => (
              <TextInput
                label="Фискальный признак (ФП)"
                description="Строка «ФП» или «ФПД» — до 10 цифр"
                inputMode="numeric"
                size="md"
                error={errors.fp?.message}
                {...field}
                onChange={(e) => field.onChange(digits(10)(e.currentTarget.value))}
              />
            )}
          />
        </SimpleGrid>
        <Controller
          control={control}
          name="n"
          render={({ field }) => (
            <Radio.Group
              label="Вид операции"
              description="На чеке написано «Приход» или «Возврат прихода»"
              size="md"
              value={field.value}
              onChange={field.onChange}
            >
              <Group mt="xs" gap="xl">
                <Radio value="1" label="Приход (покупка)" />
                <Radio value="2" label="Возврат прихода" />
              </Group>
            </Radio.Group>
          )}
        />
        <Group>
          <Button type="submit" size="lg" loading={busy} data-testid="manual-submit">
            Отправить чек
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
