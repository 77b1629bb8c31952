import {
  Alert,
  Anchor,
  Button,
  Center,
  Checkbox,
  List,
  Paper,
  PasswordInput,
  Progress,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { emailSchema, normalizeRuPhone, passwordSchema, type SessionResponse } from '@remed/core';
import { IconAlertCircle, IconCheck, IconCircle } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { api, isApiError } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { useConsentTexts } from '../insured/api.ts';
import { maskRuPhone } from './phoneMask.ts';

type Step = 'phone' | 'code' | 'password' | 'consents';
const STEPS: Step[] = ['phone', 'code', 'password', 'consents'];
const RESEND_AFTER = 60;

interface Verified {
  ticket: string;
  firstName: string;
  middleName: string | null;
  email: string | null;
}

const messageOf = (e: unknown) =>
  isApiError(e) ? e.message : 'Не удалось выполнить действие. Повторите попытку';

function ErrorAlert({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle />} role="alert" data-testid="register-error">
      {error}
    </Alert>
  );
}

function PhoneStep({ onSent }: { onSent: (phone: string) => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const phone = normalizeRuPhone(value);
    if (!phone) {
      setError('Введите российский номер мобильного телефона, например +7 916 123-45-67');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await api.post('/api/onboarding/code', { phone });
      onSent(phone);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate data-testid="register-phone">
      <Stack gap="md">
        <Text fz="md">
          Укажите номер телефона, который работодатель передал в страховую. Мы пришлём SMS с кодом.
        </Text>
        <TextInput
          label="Номер телефона"
          placeholder="+7 900 123-45-67"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          size="xl"
          autoFocus
          value={value}
          onChange={(e) => setValue(maskRuPhone(e.currentTarget.value))}
          error={error}
        />
        <Button type="submit" size="xl" loading={busy} fullWidth>
          Получить код
        </Button>
      </Stack>
    </form>
  );
}

function CodeStep({
  phone,
  onVerified,
  onChangePhone,
}: {
  phone: string;
  onVerified: (v: Verified) => void;
  onChangePhone: () => void;
}) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [left, setLeft] = useState(RESEND_AFTER);

  useEffect(() => {
    if (left <= 0) return;
    const t = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(t);
  }, [left]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setError('Код — это 6 цифр из SMS');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      onVerified(await api.post<Verified>('/api/onboarding/verify', { phone, code }));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const resend = async () => {
    setError(null);
    try {
      const r = await api.post<{ message: string }>('/api/onboarding/code', { phone });
      setInfo(r.message);
      setLeft(RESEND_AFTER);
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="register-code">
      <Stack gap="md">
        <Text fz="md">
          Если номер <b style={{ whiteSpace: 'nowrap' }}>{maskRuPhone(phone)}</b> есть в списке
          застрахованных, на него пришло SMS с кодом. Код действует 10 минут.
        </Text>
        {info && (
          <Text size="sm" c="dimmed" role="status">
            {info}
          </Text>
        )}
        <TextInput
          label="Код из SMS"
          placeholder="000000"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          size="xl"
          autoFocus
          value={code}
          onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
          error={error}
          styles={{ input: { letterSpacing: '0.4em', fontVariantNumeric: 'tabular-nums' } }}
        />
        <Button type="submit" size="xl" loading={busy} fullWidth>
          Подтвердить
        </Button>
        {left > 0 ? (
          <Text size="sm" c="dimmed" ta="center" data-testid="resend-countdown">
            Отправить код ещё раз можно через {left} с
          </Text>
        ) : (
          <Button variant="subtle" onClick={resend}>
            Отправить код ещё раз
          </Button>
        )}
        <Button variant="subtle" color="gray" onClick={onChangePhone}>
          Изменить номер
        </Button>
      </Stack>
    </form>
  );
}

const RULES: { label: string; ok: (p: string) => boolean }[] = [
  { label: 'не короче 10 символов', ok: (p) => p.length >= 10 },
  { label: 'есть буквы', ok: (p) => /\p{L}/u.test(p) },
  { label: 'есть цифры', ok: (p) => /\d/.test(p) },
];

function PasswordStep({
  verified,
  onDone,
}: {
  verified: Verified;
  onDone: (password: string, email: string | null) => void;
}) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [email, setEmail] = useState(verified.email ?? '');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string; email?: string }>({});
  const name = [verified.firstName, verified.middleName].filter(Boolean).join(' ');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    const p = passwordSchema.safeParse(password);
    if (!p.success) next.password = p.error.issues[0]?.message;
    if (repeat !== password) next.repeat = 'Пароли не совпадают';
    let cleanEmail: string | null = null;
    if (email.trim()) {
      const m = emailSchema.safeParse(email);
      if (m.success) cleanEmail = m.data;
      else next.email = m.error.issues[0]?.message;
    }
    setErrors(next);
    if (Object.keys(next).length === 0) onDone(password, cleanEmail);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="register-password">
      <Stack gap="md">
        <Title order={2} size="h3" data-testid="register-greeting">
          Здравствуйте, {name}!
        </Title>
        <Text fz="md">Придумайте пароль — с ним вы будете входить в приложение по номеру телефона.</Text>
        <PasswordInput
          label="Пароль"
          size="lg"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
        />
        <List spacing={2} size="sm" center data-testid="password-rules">
          {RULES.map((r) => {
            const ok = r.ok(password);
            return (
              <List.Item
                key={r.label}
                icon={
                  <ThemeIcon
                    color={ok ? 'teal' : 'gray'}
                    size={18}
                    radius="xl"
                    variant={ok ? 'filled' : 'light'}
                  >
                    {ok ? <IconCheck size={12} /> : <IconCircle size={10} />}
                  </ThemeIcon>
                }
              >
                <Text size="sm" c={ok ? 'teal.8' : 'dimmed'}>
                  {r.label}
                </Text>
              </List.Item>
            );
          })}
        </List>
        <PasswordInput
          label="Пароль ещё раз"
          size="lg"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={errors.repeat}
        />
        <TextInput
          label="E-mail"
          description="Сюда придут гарантийные письма в PDF. Можно оставить пустым."
          type="email"
          inputMode="email"
          autoComplete="email"
          size="lg"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
        />
        <Button type="submit" size="xl" fullWidth>
          Далее
        </Button>
      </Stack>
    </form>
  );
}

function ConsentsStep({
  busy,
  error,
  onSubmit,
}: {
  busy: boolean;
  error: string | null;
  onSubmit: (employerSharing: boolean) => void;
}) {
  const texts = useConsentTexts();
  const [dataProcessing, setDataProcessing] = useState(false);
  const [employer, setEmployer] = useState(false);
  const [missing, setMissing] = useState(false);
  const dp = texts.data?.find((t) => t.kind === 'data_processing');
  const emp = texts.data?.find((t) => t.kind === 'employer_sharing');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!dataProcessing) {
      setMissing(true);
      return;
    }
    onSubmit(employer);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="register-consents">
      <Stack gap="md">
        <ErrorAlert error={error} />
        {texts.isError && <ErrorAlert error={messageOf(texts.error)} />}
        <Stack gap="xs">
          <Text fw={700}>{dp?.title ?? 'Согласие на обработку персональных данных'}</Text>
          <Paper withBorder p="xs" bg="gray.0">
            <ScrollArea.Autosize mah={200} type="auto" offsetScrollbars data-testid="consent-text-data">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {dp?.text}
              </Text>
            </ScrollArea.Autosize>
          </Paper>
          <Checkbox
            size="md"
            checked={dataProcessing}
            onChange={(e) => {
              setDataProcessing(e.currentTarget.checked);
              setMissing(false);
            }}
            label="Я даю согласие на обработку персональных данных, в том числе сведений о здоровье (обязательно)"
            error={missing ? 'Без этого согласия мы не сможем организовать вам лечение' : undefined}
            data-testid="consent-data"
          />
        </Stack>
        <Stack gap="xs">
          <Text fw={700}>{emp?.title ?? 'Согласие на передачу сведений работодателю (по желанию)'}</Text>
          <Paper withBorder p="xs" bg="gray.0">
            <ScrollArea.Autosize mah={160} type="auto" offsetScrollbars data-testid="consent-text-employer">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {emp?.text}
              </Text>
            </ScrollArea.Autosize>
          </Paper>
          <Checkbox
            size="md"
            checked={employer}
            onChange={(e) => setEmployer(e.currentTarget.checked)}
            label="Разрешаю передавать работодателю сведения о моих возмещениях (по желанию)"
            description="Необязательно и не влияет на обслуживание. Согласие можно отозвать в любой момент в разделе «Учётная запись»."
            data-testid="consent-employer"
          />
        </Stack>
        <Button type="submit" size="xl" loading={busy} fullWidth>
          Зарегистрироваться
        </Button>
      </Stack>
    </form>
  );
}

const TITLES: Record<Step, string> = {
  phone: 'Телефон',
  code: 'Код из SMS',
  password: 'Пароль',
  consents: 'Согласия',
};

export function RegisterPage() {
  const { user, signedIn } = useSession();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>('phone');
  const [phone, setPhone] = useState('');
  const [verified, setVerified] = useState<Verified | null>(null);
  const [credentials, setCredentials] = useState<{ password: string; email: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (user) return <Navigate to="/" replace />;

  const complete = async (employerSharing: boolean) => {
    if (!verified || !credentials) return;
    setError(null);
    setBusy(true);
    try {
      const res = await api.post<SessionResponse>('/api/onboarding/complete', {
        phone,
        ticket: verified.ticket,
        password: credentials.password,
        email: credentials.email,
        dataProcessing: true,
        employerSharing,
      });
      signedIn(res.user);
      navigate('/', { replace: true });
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  const index = STEPS.indexOf(step);
  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper
        withBorder
        shadow="sm"
        p={{ base: 'lg', sm: 'xl' }}
        w="100%"
        maw={520}
        radius="lg"
        data-testid="page-register"
      >
        <Stack gap="md">
          <div>
            <Title order={1} c="teal.8" fz={32}>
              remed
            </Title>
            <Text fz="lg" fw={600}>
              Регистрация застрахованного
            </Text>
          </div>
          <Stack gap={4}>
            <Text size="sm" c="dimmed" data-testid="register-step">
              Шаг {index + 1} из {STEPS.length}: {TITLES[step]}
            </Text>
            <Progress value={((index + 1) / STEPS.length) * 100} size="sm" aria-hidden />
          </Stack>
          {step === 'phone' && (
            <PhoneStep
              onSent={(p) => {
                setPhone(p);
                setStep('code');
              }}
            />
          )}
          {step === 'code' && (
            <CodeStep
              phone={phone}
              onChangePhone={() => setStep('phone')}
              onVerified={(v) => {
                setVerified(v);
                setStep('password');
              }}
            />
          )}
          {step === 'password' && verified && (
            <PasswordStep
              verified={verified}
              onDone={(password, email) => {
                setCredentials({ password, email });
                setStep('consents');
              }}
            />
          )}
          {step === 'consents' && <ConsentsStep busy={busy} error={error} onSubmit={complete} />}
          <Text size="sm" c="dimmed" ta="center">
            Уже зарегистрированы?{' '}
            <Anchor component={Link} to="/login">
              Войти
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
