import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { formatQr, parseRubles } from '@remed/core';
import { type Control, Controller, useForm } from 'react-hook-form';
import { z } from 'zod';

const onlyDigits = (typed: string, max: number) => typed.replace(/\D/g, '').slice(0, max);

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

type TypedRequisite = Exclude<keyof FormValues, 'n'>;

interface Requisite {
  name: TypedRequisite;
  label: string;
  description: string;
  type?: 'date' | 'time';
  inputMode?: 'decimal' | 'numeric';
  /** The number of digits the field takes; anything else typed is dropped as it is typed. */
  digits?: number;
}

/** Each requisite as the receipt prints it, with where to find it. */
const REQUISITES: Record<TypedRequisite, Requisite> = {
  date: {
    name: 'date',
    type: 'date',
    label: 'Дата покупки',
    description: 'Дата в верхней или нижней части чека',
  },
  time: { name: 'time', type: 'time', label: 'Время покупки', description: 'Часы и минуты рядом с датой' },
  sum: {
    name: 'sum',
    label: 'Сумма чека, ₽',
    description: 'Строка «ИТОГ» — сколько вы заплатили, например 3715,00',
    inputMode: 'decimal',
  },
  fn: {
    name: 'fn',
    label: 'Номер ФН',
    description: 'Строка «ФН» или «ФН №» — 16 цифр',
    inputMode: 'numeric',
    digits: 16,
  },
  i: {
    name: 'i',
    label: 'Номер ФД',
    description: 'Строка «ФД» или «ФД №» — номер документа',
    inputMode: 'numeric',
    digits: 10,
  },
  fp: {
    name: 'fp',
    label: 'Фискальный признак (ФП)',
    description: 'Строка «ФП» или «ФПД» — до 10 цифр',
    inputMode: 'numeric',
    digits: 10,
  },
};

function RequisiteInput({ control, name, digits, ...input }: Requisite & { control: Control<FormValues> }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextInput
          {...input}
          size="md"
          error={fieldState.error?.message}
          {...field}
          onChange={(e) => {
            const typed = e.currentTarget.value;
            field.onChange(digits ? onlyDigits(typed, digits) : typed);
          }}
        />
      )}
    />
  );
}

/** The receipt's six requisites typed by hand, turned into the same string a QR code carries. */
export function ManualEntry({ busy, onSubmit }: { busy: boolean; onSubmit: (qr: string) => void }) {
  const { control, handleSubmit } = useForm<FormValues>({
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
          <RequisiteInput control={control} {...REQUISITES.date} />
          <RequisiteInput control={control} {...REQUISITES.time} />
        </SimpleGrid>
        <RequisiteInput control={control} {...REQUISITES.sum} />
        <RequisiteInput control={control} {...REQUISITES.fn} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <RequisiteInput control={control} {...REQUISITES.i} />
          <RequisiteInput control={control} {...REQUISITES.fp} />
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
