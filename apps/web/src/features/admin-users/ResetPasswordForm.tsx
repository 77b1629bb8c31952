import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, PasswordInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { resetPasswordRequestSchema } from '@remed/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { api } from '../../app/api.ts';
import { applyServerErrors } from '../../app/forms.ts';

type FormValues = z.input<typeof resetPasswordRequestSchema>;

export function ResetPasswordForm({ userId }: { userId: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    resolver: zodResolver(resetPasswordRequestSchema),
    defaultValues: { password: '' },
  });

  const onSubmit = handleSubmit(async (body) => {
    setFormError(null);
    try {
      await api.post(`/api/admin/users/${userId}/reset-password`, body);
      reset();
      notifications.show({
        color: 'teal',
        message: 'Временный пароль задан. При входе пользователь придумает свой',
      });
    } catch (e) {
      setFormError(applyServerErrors(e, setError, ['password']));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {formError && (
        <Alert color="red" mb="sm" role="alert">
          {formError}
        </Alert>
      )}
      <Group align="flex-start" gap="sm">
        <PasswordInput
          label="Временный пароль"
          description="Сообщите его пользователю лично"
          autoComplete="new-password"
          error={errors.password?.message}
          style={{ flex: '1 1 220px' }}
          {...register('password')}
        />
        <Button type="submit" loading={isSubmitting} mt={{ base: 0, sm: 50 }} variant="light">
          Сбросить пароль
        </Button>
      </Group>
    </form>
  );
}
