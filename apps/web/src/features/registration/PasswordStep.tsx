import { Button, List, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { emailSchema, passwordSchema } from '@remed/core';
import { IconCheck, IconCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { Verified } from './api.ts';

const RULES: { label: string; ok: (p: string) => boolean }[] = [
  { label: 'не короче 10 символов', ok: (p) => p.length >= 10 },
  { label: 'есть буквы', ok: (p) => /\p{L}/u.test(p) },
  { label: 'есть цифры', ok: (p) => /\d/.test(p) },
];

/** What a password needs, each rule ticked off as the person types. */
function PasswordRules({ password }: { password: string }) {
  return (
    <List spacing={2} size="sm" center data-testid="password-rules">
      {RULES.map((r) => {
        const ok = r.ok(password);
        return (
          <List.Item
            key={r.label}
            icon={
              <ThemeIcon color={ok ? 'teal' : 'gray'} size={18} radius="xl" variant={ok ? 'filled' : 'light'}>
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
  );
}

function NewPassword({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <PasswordInput
      label={label}
      size="lg"
      autoComplete="new-password"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

interface Errors {
  password?: string;
  repeat?: string;
  email?: string;
}

/** The password (with the shared schema's rules), typed twice, and the e-mail if the person has one. */
function check(password: string, repeat: string, email: string) {
  const errors: Errors = {};
  const p = passwordSchema.safeParse(password);
  if (!p.success) errors.password = p.error.issues[0]?.message;
  if (repeat !== password) errors.repeat = 'Пароли не совпадают';
  let cleanEmail: string | null = null;
  if (email.trim()) {
    const m = emailSchema.safeParse(email);
    if (m.success) cleanEmail = m.data;
    else errors.email = m.error.issues[0]?.message;
  }
  return { errors, cleanEmail };
}

/** Step 3: the greeting by name, a password and an optional e-mail for letters in PDF. */
export function PasswordStep({
  verified,
  onDone,
}: {
  verified: Verified;
  onDone: (password: string, email: string | null) => void;
}) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [email, setEmail] = useState(verified.email ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const name = [verified.firstName, verified.middleName].filter(Boolean).join(' ');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = check(password, repeat, email);
    setErrors(checked.errors);
    if (Object.keys(checked.errors).length === 0) onDone(password, checked.cleanEmail);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="register-password">
      <Stack gap="md">
        <Title order={2} size="h3" data-testid="register-greeting">
          Здравствуйте, {name}!
        </Title>
        <Text fz="md">Придумайте пароль — с ним вы будете входить в приложение по номеру телефона.</Text>
        <NewPassword label="Пароль" value={password} onChange={setPassword} error={errors.password} />
        <PasswordRules password={password} />
        <NewPassword label="Пароль ещё раз" value={repeat} onChange={setRepeat} error={errors.repeat} />
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
