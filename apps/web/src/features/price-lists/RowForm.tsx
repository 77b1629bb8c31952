import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Grid, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  checkPriceRow,
  PRICE_LIST_COLUMNS,
  type PriceListColumnKey,
  type PriceListRowView,
  type PriceRowInputBody,
  priceRowInputSchema,
} from '@remed/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { api } from '../../app/api.ts';
import { fieldProps, useServerForm } from '../../app/forms.ts';
import { FormError } from '../../ui/FormError.tsx';
import { priceListsUrl, useRefreshPriceLists } from './api.ts';

const FIELDS = PRICE_LIST_COLUMNS.map((c) => c.key);
const SPAN: Record<PriceListColumnKey, number> = {
  clinicCode: 2,
  serviceCode: 2,
  name: 4,
  price: 2,
  note: 2,
};
const HINT: Record<PriceListColumnKey, string> = {
  clinicCode: 'Как в чеке',
  serviceCode: 'Вида B01.047.001',
  name: 'Как в прейскуранте клиники',
  price: 'Например, 1 234,50',
  note: 'Необязательно',
};

/**
 * One row of a draft, added or changed in place. Checked as you type by the same rules as an uploaded
 * file; Enter saves, Escape cancels. Warnings are shown but do not stop saving.
 */
export function RowForm({
  clinicId,
  versionId,
  row,
  onDone,
}: {
  clinicId: string;
  versionId: string;
  row: PriceListRowView | null;
  onDone: (savedId: string | null) => void;
}) {
  const refresh = useRefreshPriceLists(clinicId);
  const form = useServerForm<PriceRowInputBody>(
    {
      resolver: zodResolver(priceRowInputSchema),
      mode: 'onChange',
      defaultValues: {
        clinicCode: row?.clinicCode ?? '',
        serviceCode: row?.serviceCode ?? '',
        name: row?.name ?? '',
        price: row ? row.priceText || String(row.price ?? '') : '',
        note: row?.note ?? '',
      },
    },
    FIELDS,
  );
  const { watch, trigger, formError } = form;
  // A row opened for fixing shows what is wrong with it straight away.
  useEffect(() => {
    if (row?.issues.length) void trigger();
  }, [row, trigger]);
  const values = watch();
  const warnings = checkPriceRow({ ...values, note: values.note ?? '' }).issues.filter(
    (i) => i.severity === 'warning',
  );

  const save = form.submit(async (body) => {
    const saved = row
      ? await api.put<{ row: PriceListRowView }>(
          priceListsUrl(clinicId, `/${versionId}/rows/${row.id}`),
          body,
        )
      : await api.post<{ row: PriceListRowView }>(priceListsUrl(clinicId, `/${versionId}/rows`), body);
    await refresh();
    notifications.show({
      color: 'teal',
      message: row ? `Строка ${saved.row.line} сохранена` : `Строка ${saved.row.line} добавлена`,
    });
    onDone(saved.row.id);
  });

  return (
    <form
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onDone(row?.id ?? null);
        }
      }}
      aria-label={row ? `Изменение строки ${row.line}` : 'Новая строка'}
      data-testid="row-form"
      noValidate
    >
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {row ? `Строка ${row.line}` : 'Новая строка'}
        </Text>
        <Grid gutter="xs">
          {PRICE_LIST_COLUMNS.map((c, i) => (
            <Grid.Col key={c.key} span={{ base: 12, sm: 6, md: SPAN[c.key] }}>
              <TextInput
                label={c.title}
                description={HINT[c.key]}
                title={c.description}
                withAsterisk={c.required}
                data-autofocus={i === 0 || undefined}
                autoFocus={row ? c.key === 'price' : i === 0}
                inputMode={c.key === 'price' ? 'decimal' : undefined}
                {...fieldProps(form, c.key)}
                data-testid={`row-${c.key}`}
              />
            </Grid.Col>
          ))}
        </Grid>
        {warnings.map((w) => (
          <Text key={w.message} size="sm" c="yellow.9" data-testid="row-warning">
            <IconAlertTriangle size={14} style={{ verticalAlign: 'middle' }} aria-hidden /> {w.message}
          </Text>
        ))}
        <FormError message={formError} p="xs" />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={form.formState.isSubmitting} data-testid="row-save">
            Сохранить
          </Button>
          <Button variant="default" size="xs" onClick={() => onDone(row?.id ?? null)}>
            Отмена
          </Button>
          <Text size="xs" c="dimmed">
            Enter — сохранить, Esc — отменить
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
