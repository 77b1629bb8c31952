import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { secondFactorLoginRequestSchema } from '@remed/core';
import { IconAlertCircle, IconDeviceMobile } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { isApiError } from '../../app/api.ts';
import { fieldProps } from '../../app/forms.ts';
import { useSession } from '../../app/session.tsx';
import { FormError } from '../../ui/FormError.tsx';

type CodeForm = z.input<typeof secondFactorLoginRequestSchema>;

/** The second step of signing in; an expired step goes back to the password with the reason. */
export function SecondFactorStep({
  onDone,
  onRestart,
}: {
  onDone: () => void;
  onRestart: (reason: string | null) => void;
}) {
  const { completeSecondFactor } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CodeForm>({
    resolver: zodResolver(secondFactorLoginRequestSchema),
    defaultValues: { code: '' },
  });
  const { isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ code }) => {
    setFormError(null);
    try {
      await completeSecondFactor(code);
      onDone();
    } catch (e) {
      if (isApiError(e) && (e.code === 'SECOND_FACTOR_LOGIN_EXPIRED' || e.code === 'ACCOUNT_BLOCKED'))
        return onRestart(e.message);
      form.setValue('code', '');
      setFormError(isApiError(e) ? e.message : 'Не удалось войти. Повторите попытку');
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="second-factor-form">
      <Stack gap="md">
        <div>
          <Title order={2} fz={24}>
            Код из приложения
          </Title>
          <Text c="dimmed" size="sm">
            Пароль верный. Откройте на телефоне приложение-аутентификатор и введите шесть цифр для remed.
          </Text>
        </div>
        <FormError message={formError} icon={<IconAlertCircle />} data-testid="second-factor-error" />
        <TextInput
          label="Код"
          description="Телефона нет под рукой — введите один из резервных кодов"
          placeholder="123456"
          autoComplete="one-time-code"
          autoFocus
          size="md"
          leftSection={<IconDeviceMobile size={18} />}
          {...fieldProps(form, 'code')}
        />
        <Button type="submit" loading={isSubmitting} disabled={isSubmitting} fullWidth>
          Войти
        </Button>
        <Button variant="subtle" onClick={() => onRestart(null)} fullWidth>
          Войти под другой учётной записью
        </Button>
      </Stack>
    </form>
  );
}
