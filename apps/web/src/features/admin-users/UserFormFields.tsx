import { MultiSelect, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { ROLE_TITLES, ROLES } from '@remed/core';
import { type Control, Controller, type UseFormReturn, useWatch } from 'react-hook-form';
import { fieldProps } from '../../app/forms.ts';
import { useOrganisations } from './api.ts';
import type { UserFormValues } from './userForm.ts';

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_TITLES[r] }));
const omsOptions = [
  { value: '1', label: '1 уровень — консультации' },
  { value: '2', label: '2 уровень — разбор обращений' },
  { value: '3', label: '3 уровень — врач-эксперт' },
];
const toOptions = (list: { id: string; name: string }[] | undefined) =>
  (list ?? []).map((o) => ({ value: o.id, label: o.name }));

/** One organisation or level picked from a list. */
function SelectField<Out>({
  control,
  name,
  label,
  data,
  searchable,
}: {
  control: Control<UserFormValues, unknown, Out>;
  name: 'omsLevel' | 'insurerId' | 'policyholderId';
  label: string;
  data: { value: string; label: string }[];
  searchable?: boolean;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Select
          label={label}
          data={data}
          value={field.value}
          onChange={field.onChange}
          error={fieldState.error?.message}
          searchable={searchable}
        />
      )}
    />
  );
}

export function UserFormFields<Out>({
  form,
  withPassword,
}: {
  form: UseFormReturn<UserFormValues, unknown, Out>;
  withPassword: boolean;
}) {
  const { control } = form;
  const { errors } = form.formState;
  const roles = useWatch({ control, name: 'roles' });
  const orgs = useOrganisations();
  const has = (r: string) => roles.includes(r as UserFormValues['roles'][number]);

  return (
    <Stack gap="sm">
      <TextInput label="ФИО" autoComplete="off" {...fieldProps(form, 'fullName')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label="E-mail" type="email" autoComplete="off" {...fieldProps(form, 'email')} />
        <TextInput
          label="Телефон"
          type="tel"
          placeholder="+7 900 123-45-67"
          autoComplete="off"
          {...fieldProps(form, 'phone')}
        />
      </SimpleGrid>
      {withPassword && (
        <PasswordInput
          label="Временный пароль"
          description="Не короче 10 символов, буквы и цифры. При первом входе пользователь сменит его"
          autoComplete="new-password"
          {...fieldProps(form, 'password')}
        />
      )}
      <Controller
        control={control}
        name="roles"
        render={({ field }) => (
          <MultiSelect
            label="Роли"
            data={roleOptions}
            value={field.value}
            onChange={(v) => field.onChange(v)}
            onBlur={field.onBlur}
            error={errors.roles?.message}
            placeholder={field.value.length ? undefined : 'Выберите одну или несколько'}
            data-testid="roles-select"
          />
        )}
      />
      {has('oms_rep') && (
        <SelectField
          control={control}
          name="omsLevel"
          label="Уровень страхового представителя ОМС"
          data={omsOptions}
        />
      )}
      {has('clinic_user') && (
        <Controller
          control={control}
          name="clinicIds"
          render={({ field }) => (
            <MultiSelect
              label="Клиники"
              description="Можно выбрать несколько — для сети клиник"
              data={toOptions(orgs.data?.clinics)}
              value={field.value}
              onChange={field.onChange}
              error={errors.clinicIds?.message}
              searchable
            />
          )}
        />
      )}
      {has('insurer_user') && (
        <SelectField
          control={control}
          name="insurerId"
          label="Страховая компания"
          data={toOptions(orgs.data?.insurers)}
          searchable
        />
      )}
      {has('policyholder_user') && (
        <SelectField
          control={control}
          name="policyholderId"
          label="Страхователь (работодатель)"
          data={toOptions(orgs.data?.policyholders)}
          searchable
        />
      )}
    </Stack>
  );
}
