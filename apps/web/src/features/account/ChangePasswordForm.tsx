import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { changePasswordRequestSchema } from '@remed/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { api } from '../../app/api.ts';
import { applyServerErrors } from '../../app/forms.ts';

const formSchema = changePasswordRequestSchema
  .extend({ repeatPassword: z.string() })
  .refine((v) => v.newPassword === v.repeatPassword, {
    message: 'Пароли не совпадают',
    path: ['repeatPassword'],
  });
type FormValues = z.input<typeof formSchema>;
const FIELDS = ['currentPassword', 'newPassword', 'repeatPassword'] as const;

export function ChangePasswordForm({ onDone }: { onDone?: () => void | Promise<void> }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { currentPassword: '', newPassword: '', repeatPassword: '' },
  });

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setFormError(null);
    try {
      await api.post('/api/auth/password', { currentPassword, newPassword });
      reset();
      notifications.show({
        color: 'teal',
        message: 'Пароль изменён. На других устройствах нужно войти заново',
      });
      await onDone?.();
    } catch (e) {
      setFormError(applyServerErrors(e, setError, FIELDS));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="change-password-form">
      <Stack gap="sm" maw={420}>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <PasswordInput
          label="Текущий пароль"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...register('currentPassword')}
        />
        <PasswordInput
          label="Новый пароль"
          description="Не короче 10 символов, буквы и цифры"
          autoComplete="new-password"
          error={errors.newPassword?.message}
          {...register('newPassword')}
        />
        <PasswordInput
          label="Новый пароль ещё раз"
          autoComplete="new-password"
          error={errors.repeatPassword?.message}
          {...register('repeatPassword')}
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
