import { MultiSelect, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { ROLE_TITLES, ROLES } from '@remed/core';
import { type Control, Controller, type FieldErrors, type UseFormRegister, useWatch } from 'react-hook-form';
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

interface Props<Out> {
  control: Control<UserFormValues, unknown, Out>;
  register: UseFormRegister<UserFormValues>;
  errors: FieldErrors<UserFormValues>;
  withPassword: boolean;
}

export function UserFormFields<Out>({ control, register, errors, withPassword }: Props<Out>) {
  const roles = useWatch({ control, name: 'roles' });
  const orgs = useOrganisations();
  const has = (r: string) => roles.includes(r as UserFormValues['roles'][number]);

  return (
    <Stack gap="sm">
      <TextInput label="ФИО" autoComplete="off" error={errors.fullName?.message} {...register('fullName')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="E-mail"
          type="email"
          autoComplete="off"
          error={errors.email?.message}
          {...register('email')}
        />
        <TextInput
          label="Телефон"
          type="tel"
          placeholder="+7 900 123-45-67"
          autoComplete="off"
          error={errors.phone?.message}
          {...register('phone')}
        />
      </SimpleGrid>
      {withPassword && (
        <PasswordInput
          label="Временный пароль"
          description="Не короче 10 символов, буквы и цифры. При первом входе пользователь сменит его"
          autoComplete="new-password"
          error={errors.password?.message}
          {...register('password')}
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
        <Controller
          control={control}
          name="omsLevel"
          render={({ field }) => (
            <Select
              label="Уровень страхового представителя ОМС"
              data={omsOptions}
              value={field.value}
              onChange={field.onChange}
              error={errors.omsLevel?.message}
            />
          )}
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
        <Controller
          control={control}
          name="insurerId"
          render={({ field }) => (
            <Select
              label="Страховая компания"
              data={toOptions(orgs.data?.insurers)}
              value={field.value}
              onChange={field.onChange}
              error={errors.insurerId?.message}
              searchable
            />
          )}
        />
      )}
      {has('policyholder_user') && (
        <Controller
          control={control}
          name="policyholderId"
          render={({ field }) => (
            <Select
              label="Страхователь (работодатель)"
              data={toOptions(orgs.data?.policyholders)}
              value={field.value}
              onChange={field.onChange}
              error={errors.policyholderId?.message}
              searchable
            />
          )}
        />
      )}
    </Stack>
  );
}
