import { Group, Loader, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { fieldProps } from '../../app/forms.ts';
import { maskRuPhone } from '../registration/phoneMask.ts';
import type { ClinicFormValues } from './clinicForm.ts';
import type { LookupState, useDirectoryLookup } from './useDirectoryLookup.ts';

type Form = UseFormReturn<ClinicFormValues>;
type Lookup = ReturnType<typeof useDirectoryLookup>;

/** What the directory said, under the field that asked it; read out by screen readers as it changes. */
function LookupHint({ state, what }: { state: LookupState; what: string }) {
  const line = (icon: ReactNode, color: string, text: string) => (
    <Group
      gap={6}
      wrap="nowrap"
      align="flex-start"
      role="status"
      aria-live="polite"
      data-testid={`lookup-${what}`}
    >
      {icon}
      <Text size="sm" c={color}>
        {text}
      </Text>
    </Group>
  );
  switch (state.kind) {
    case 'loading':
      return line(<Loader size={14} />, 'dimmed', 'Ищем в справочнике…');
    case 'found':
      return line(
        <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />,
        'teal.8',
        `Нашли: ${state.name}. Поля заполнены — проверьте их, любое можно исправить`,
      );
    case 'not_found':
      return line(
        <IconInfoCircle size={16} aria-hidden />,
        'dimmed',
        'В справочнике не нашли. Проверьте цифры или заполните поля вручную',
      );
    case 'unavailable':
      return line(<IconAlertTriangle size={16} aria-hidden />, 'yellow.9', state.message);
    default:
      return null;
  }
}

const digitsOnly = { inputMode: 'numeric' as const, autoComplete: 'off' };

export function OrganisationFields({
  form,
  lookup,
  innReadOnly = false,
}: {
  form: Form;
  lookup?: Lookup;
  innReadOnly?: boolean;
}) {
  const {
    register,
    formState: { errors },
  } = form;
  const inn = register('inn', { onChange: (e) => lookup?.onInnChange(e.target.value) });
  return (
    <Stack gap="sm" data-testid="fields-organisation">
      <TextInput
        label="ИНН"
        description={
          innReadOnly
            ? 'ИНН не меняется: другой ИНН — другое юридическое лицо, его добавляют в разделе «Клиники сети»'
            : '10 цифр у организации, 12 — у индивидуального предпринимателя. По ИНН заполним остальное из ЕГРЮЛ'
        }
        maxLength={14}
        readOnly={innReadOnly}
        variant={innReadOnly ? 'filled' : 'default'}
        withAsterisk
        error={errors.inn?.message}
        {...digitsOnly}
        {...inn}
      />
      {lookup && <LookupHint state={lookup.party} what="party" />}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label="КПП"
          description="9 знаков; у индивидуального предпринимателя КПП нет — оставьте пустым"
          maxLength={11}
          autoComplete="off"
          {...fieldProps(form, 'kpp')}
        />
        <TextInput
          label="ОГРН или ОГРНИП"
          description="13 цифр у организации, 15 — у индивидуального предпринимателя"
          maxLength={17}
          withAsterisk
          {...digitsOnly}
          {...fieldProps(form, 'ogrn')}
        />
      </SimpleGrid>
      <Textarea
        size="md"
        label="Полное наименование"
        description="Как в ЕГРЮЛ, с организационно-правовой формой: так оно войдёт в договор"
        autosize
        minRows={1}
        maxRows={3}
        withAsterisk
        {...fieldProps(form, 'name')}
      />
      <TextInput
        label="Краткое наименование"
        description="Так клинику увидят врачи пульта и пациенты в гарантийных письмах"
        withAsterisk
        {...fieldProps(form, 'shortName')}
      />
      <Textarea
        size="md"
        label="Юридический адрес"
        description="С почтовым индексом, как в ЕГРЮЛ"
        autosize
        minRows={1}
        maxRows={3}
        withAsterisk
        autoComplete="off"
        {...fieldProps(form, 'address')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label="ФИО руководителя"
          description="Кто подписывает договор от имени клиники"
          withAsterisk
          autoComplete="off"
          {...fieldProps(form, 'headName')}
        />
        <TextInput
          label="Должность руководителя"
          description="Например, генеральный директор или главный врач"
          withAsterisk
          {...fieldProps(form, 'headPost')}
        />
      </SimpleGrid>
    </Stack>
  );
}

export function BankFields({ form, lookup }: { form: Form; lookup?: Lookup }) {
  const {
    register,
    formState: { errors },
  } = form;
  const bik = register('bik', { onChange: (e) => lookup?.onBikChange(e.target.value) });
  return (
    <Stack gap="sm" data-testid="fields-bank">
      <TextInput
        label="БИК банка"
        description="9 цифр. По БИК заполним название банка и корреспондентский счёт"
        maxLength={11}
        withAsterisk
        error={errors.bik?.message}
        {...digitsOnly}
        {...bik}
      />
      {lookup && <LookupHint state={lookup.bank} what="bank" />}
      <TextInput
        label="Банк"
        description="Наименование банка для платёжных документов"
        withAsterisk
        {...fieldProps(form, 'bankName')}
      />
      <TextInput
        label="Корреспондентский счёт"
        description="20 цифр, начинается с 30101; сверяется с БИК"
        maxLength={25}
        withAsterisk
        {...digitsOnly}
        {...fieldProps(form, 'correspondentAccount')}
      />
      <TextInput
        label="Расчётный счёт"
        description="20 цифр. Контрольный ключ сверяется с БИК, чтобы оплата не ушла на чужой счёт"
        maxLength={25}
        withAsterisk
        {...digitsOnly}
        {...fieldProps(form, 'settlementAccount')}
      />
    </Stack>
  );
}

/** A required e-mail; the browser fills in only the person's own address, never the clinic's. */
export function EmailField({
  form,
  name,
  label,
  description,
}: {
  form: Form;
  name: 'email' | 'userEmail';
  label: string;
  description: string;
}) {
  return (
    <TextInput
      label={label}
      description={description}
      type="email"
      inputMode="email"
      autoComplete={name === 'userEmail' ? 'email' : 'off'}
      withAsterisk
      {...fieldProps(form, name)}
    />
  );
}

export function PhoneField({
  form,
  name,
  label,
  description,
  required = false,
}: {
  form: Form;
  name: 'phone' | 'userPhone';
  label: string;
  description: string;
  required?: boolean;
}) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <TextInput
          label={label}
          description={description}
          placeholder="+7 900 123-45-67"
          type="tel"
          inputMode="tel"
          autoComplete={name === 'userPhone' ? 'tel' : 'off'}
          withAsterisk={required}
          error={fieldState.error?.message}
          name={field.name}
          ref={field.ref}
          value={field.value}
          onBlur={field.onBlur}
          onChange={(e) => field.onChange(maskRuPhone(e.currentTarget.value))}
        />
      )}
    />
  );
}

export function ContactsFields({ form }: { form: Form }) {
  return (
    <Stack gap="sm" data-testid="fields-contacts">
      <EmailField
        form={form}
        name="email"
        label="E-mail клиники"
        description="Сюда придут гарантийные письма, документы и уведомления"
      />
      <PhoneField
        form={form}
        name="phone"
        label="Телефон клиники"
        description="По нему медицинский пульт свяжется с клиникой"
        required
      />
    </Stack>
  );
}

/** A titled block of the requisites page. */
export function FieldsSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
