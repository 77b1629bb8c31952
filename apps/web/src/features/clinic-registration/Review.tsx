import { Anchor, Card, Checkbox, Group, Paper, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { USER_AGREEMENT } from '@remed/core';
import { Controller, type UseFormReturn } from 'react-hook-form';
import type { ClinicFormValues, WizardStep } from './clinicForm.ts';

const LABELS: Partial<Record<keyof ClinicFormValues, string>> = {
  inn: 'ИНН',
  kpp: 'КПП',
  ogrn: 'ОГРН',
  name: 'Полное наименование',
  shortName: 'Краткое наименование',
  address: 'Юридический адрес',
  headName: 'Руководитель',
  headPost: 'Должность',
  bik: 'БИК',
  bankName: 'Банк',
  correspondentAccount: 'Корр. счёт',
  settlementAccount: 'Расчётный счёт',
  email: 'E-mail клиники',
  phone: 'Телефон клиники',
  fullName: 'Сотрудник',
  userEmail: 'E-mail для входа',
  userPhone: 'Мобильный телефон',
};

/** Everything entered, step by step, with a way back to each step. */
export function ReviewSummary({
  form,
  steps,
  onEdit,
}: {
  form: UseFormReturn<ClinicFormValues>;
  steps: readonly WizardStep[];
  onEdit: (step: number) => void;
}) {
  const values = form.getValues();
  return (
    <Stack gap="sm" data-testid="review-summary">
      {steps.map((s, i) => {
        const shown = s.fields.filter((f) => LABELS[f]);
        if (!shown.length) return null;
        return (
          <Card key={s.key} withBorder padding="sm">
            <Group justify="space-between" mb={6}>
              <Text fw={600}>{s.label}</Text>
              <Anchor component="button" type="button" size="sm" onClick={() => onEdit(i)}>
                Изменить
              </Anchor>
            </Group>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} verticalSpacing={6}>
              {shown.map((f) => (
                <div key={f} style={{ minWidth: 0 }}>
                  <Text size="xs" c="dimmed">
                    {LABELS[f]}
                  </Text>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {String(values[f] ?? '') || '—'}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          </Card>
        );
      })}
    </Stack>
  );
}

/** The user agreement with the terms of the simple electronic signature, and the box to accept it. */
export function AgreementField({ form }: { form: UseFormReturn<ClinicFormValues> }) {
  return (
    <Stack gap="xs">
      <Text fw={600}>{USER_AGREEMENT.title}</Text>
      <Paper withBorder p="xs" bg="gray.0">
        <ScrollArea.Autosize mah={180} type="auto" offsetScrollbars data-testid="agreement-text">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {USER_AGREEMENT.text}
          </Text>
        </ScrollArea.Autosize>
      </Paper>
      <Controller
        control={form.control}
        name="userAgreement"
        render={({ field, fieldState }) => (
          <Checkbox
            ref={field.ref}
            name={field.name}
            checked={field.value}
            onChange={(e) => {
              field.onChange(e.currentTarget.checked);
              if (e.currentTarget.checked) form.clearErrors('userAgreement');
            }}
            onBlur={field.onBlur}
            label="Принимаю пользовательское соглашение и согласен подписывать документы в кабинете простой электронной подписью — одноразовым кодом"
            description={`Редакция от ${USER_AGREEMENT.version.split('-').reverse().join('.')}. Согласие сохраняется с датой, временем и адресом, с которого оно дано`}
            error={fieldState.error?.message}
            data-testid="agreement-checkbox"
          />
        )}
      />
    </Stack>
  );
}
