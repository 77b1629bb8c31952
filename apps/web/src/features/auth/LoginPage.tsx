import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Divider,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { loginRequestSchema } from '@remed/core';
import { IconAlertCircle, IconClockHour4 } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import type { z } from 'zod';
import { isApiError } from '../../app/api.ts';
import { fieldProps } from '../../app/forms.ts';
import { useSession } from '../../app/session.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { SecondFactorStep } from './SecondFactorStep.tsx';

type LoginForm = z.input<typeof loginRequestSchema>;

interface FromState {
  from?: { pathname: string; search?: string };
}

function SignInCard({ children }: { children: ReactNode }) {
  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} w="100%" maw={420} radius="lg">
        {children}
      </Paper>
    </Center>
  );
}

export function LoginPage() {
  const { user, expired, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as FromState | null)?.from;
  const target = from && from.pathname !== '/login' ? `${from.pathname}${from.search ?? ''}` : '/';
  const [formError, setFormError] = useState<string | null>(null);
  const [step, setStep] = useState<'password' | 'code'>('password');
  const form = useForm<LoginForm>({
    resolver: zodResolver(loginRequestSchema),
    defaultValues: { login: '', password: '' },
  });
  const { isSubmitting } = form.formState;

  if (user) return <Navigate to={target} replace />;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      if ((await signIn(values.login.trim(), values.password)) === 'second_factor') return setStep('code');
      navigate(target, { replace: true });
    } catch (e) {
      setFormError(isApiError(e) ? e.message : 'Не удалось войти. Повторите попытку');
    }
  });

  if (step === 'code')
    return (
      <SignInCard>
        <SecondFactorStep
          onDone={() => navigate(target, { replace: true })}
          onRestart={(reason) => {
            form.resetField('password');
            setFormError(reason);
            setStep('password');
          }}
        />
      </SignInCard>
    );

  return (
    <SignInCard>
      <form onSubmit={onSubmit} noValidate data-testid="login-form">
        <Stack gap="md">
          <div>
            <Title order={1} c="teal.8" fz={36}>
              remed
            </Title>
            <Text c="dimmed">Прямое возмещение расходов на лечение по ДМС</Text>
          </div>
          {expired && !formError && (
            <Alert color="yellow" icon={<IconClockHour4 />} role="status" data-testid="session-expired">
              Сеанс истёк. Войдите снова
            </Alert>
          )}
          <FormError message={formError} icon={<IconAlertCircle />} data-testid="login-error" />
          <TextInput
            label="E-mail или телефон"
            placeholder="name@example.ru или +7 900 123-45-67"
            autoComplete="username"
            inputMode="email"
            autoFocus
            {...fieldProps(form, 'login')}
          />
          <PasswordInput label="Пароль" autoComplete="current-password" {...fieldProps(form, 'password')} />
          <Button type="submit" loading={isSubmitting} disabled={isSubmitting} fullWidth>
            Войти
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            Забыли пароль? Обратитесь к администратору вашей организации.
          </Text>
          <Divider label="Впервые здесь?" />
          <Button component={Link} to="/register" variant="light" fullWidth data-testid="register-link">
            Я приглашён — зарегистрироваться
          </Button>
          <Button
            component={Link}
            to="/clinic/register"
            variant="subtle"
            fullWidth
            data-testid="clinic-register-link"
          >
            Регистрация клиники
          </Button>
          <Anchor component={Link} to="/privacy" size="xs" ta="center" data-testid="privacy-link">
            Политика обработки персональных данных
          </Anchor>
        </Stack>
      </form>
    </SignInCard>
  );
}
