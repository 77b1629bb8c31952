import { zodResolver } from '@hookform/resolvers/zod';
import { Button, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { changePasswordRequestSchema } from '@remed/core';
import { z } from 'zod';
import { api } from '../../app/api.ts';
import { useServerForm } from '../../app/forms.ts';
import { FormError } from '../../ui/FormError.tsx';

const formSchema = changePasswordRequestSchema
  .extend({ repeatPassword: z.string() })
  .refine((v) => v.newPassword === v.repeatPassword, {
    message: 'Пароли не совпадают',
    path: ['repeatPassword'],
  });
type FormValues = z.input<typeof formSchema>;
const FIELDS = ['currentPassword', 'newPassword', 'repeatPassword'] as const;

export function ChangePasswordForm({ onDone }: { onDone?: () => void | Promise<void> }) {
  const form = useServerForm<FormValues>(
    {
      resolver: zodResolver(formSchema),
      defaultValues: { currentPassword: '', newPassword: '', repeatPassword: '' },
    },
    FIELDS,
  );
  const { field, formError } = form;
  const { isSubmitting } = form.formState;

  const onSubmit = form.submit(async ({ currentPassword, newPassword }) => {
    await api.post('/api/auth/password', { currentPassword, newPassword });
    form.reset();
    notifications.show({
      color: 'teal',
      message: 'Пароль изменён. На других устройствах нужно войти заново',
    });
    await onDone?.();
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="change-password-form">
      <Stack gap="sm" maw={420}>
        <FormError message={formError} />
        <PasswordInput label="Текущий пароль" autoComplete="current-password" {...field('currentPassword')} />
        <PasswordInput
          label="Новый пароль"
          description="Не короче 10 символов, буквы и цифры"
          autoComplete="new-password"
          {...field('newPassword')}
        />
        <PasswordInput
          label="Новый пароль ещё раз"
          autoComplete="new-password"
          {...field('repeatPassword')}
        />
        <Button
          type="submit"
          loading={isSubmitting}
          disabled={isSubmitting}
          style={{ alignSelf: 'flex-start' }}
        >
          Сменить пароль
        </Button>
      </Stack>
    </form>
  );
}
