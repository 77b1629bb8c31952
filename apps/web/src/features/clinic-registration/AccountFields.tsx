import { PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturn } from 'react-hook-form';
import { fieldProps } from '../../app/forms.ts';
import type { ClinicFormValues } from './clinicForm.ts';
import { EmailField, PhoneField } from './RequisitesFields.tsx';

/** The first employee of the clinic: who they are and how they will sign in. */
export function AccountFields({ form }: { form: UseFormReturn<ClinicFormValues> }) {
  return (
    <Stack gap="sm" data-testid="fields-account">
      <TextInput
        label="Ваши фамилия, имя и отчество"
        description="Вы станете первым сотрудником клиники в кабинете и сможете подписывать документы"
        autoComplete="name"
        withAsterisk
        {...fieldProps(form, 'fullName')}
      />
      <EmailField
        form={form}
        name="userEmail"
        label="Ваш e-mail для входа"
        description="Это ваш логин. Сюда можно получить код подтверждения"
      />
      <PhoneField
        form={form}
        name="userPhone"
        label="Ваш мобильный телефон"
        description="Необязательно: с ним можно входить по телефону и получить код по SMS"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <PasswordInput
          label="Пароль"
          description="Не короче 10 символов, буквы и цифры"
          autoComplete="new-password"
          withAsterisk
          {...fieldProps(form, 'password')}
        />
        <PasswordInput
          label="Пароль ещё раз"
          description="Чтобы не ошибиться при вводе"
          autoComplete="new-password"
          withAsterisk
          {...fieldProps(form, 'passwordRepeat')}
        />
      </SimpleGrid>
    </Stack>
  );
}
