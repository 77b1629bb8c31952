import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { resetPasswordRequestSchema } from '@remed/core';
import type { z } from 'zod';
import { api } from '../../app/api.ts';
import { useServerForm } from '../../app/forms.ts';
import { FormError } from '../../ui/FormError.tsx';

type FormValues = z.input<typeof resetPasswordRequestSchema>;

export function ResetPasswordForm({ userId }: { userId: string }) {
  const form = useServerForm<FormValues>(
    { resolver: zodResolver(resetPasswordRequestSchema), defaultValues: { password: '' } },
    ['password'],
  );

  const onSubmit = form.submit(async (body) => {
    await api.post(`/api/admin/users/${userId}/reset-password`, body);
    form.reset();
    notifications.show({
      color: 'teal',
      message: 'Временный пароль задан. При входе пользователь придумает свой',
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={form.formError} mb="sm" />
      <Group align="flex-start" gap="sm">
        <PasswordInput
          label="Временный пароль"
          description="Сообщите его пользователю лично"
          autoComplete="new-password"
          style={{ flex: '1 1 220px' }}
          {...form.field('password')}
        />
        <Button type="submit" loading={form.formState.isSubmitting} mt={{ base: 0, sm: 50 }} variant="light">
          Сбросить пароль
        </Button>
      </Group>
    </form>
  );
}
