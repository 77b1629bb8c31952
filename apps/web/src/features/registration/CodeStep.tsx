import { Button, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { messageOf, requestCode, type Verified, verifyCode } from './api.ts';
import { maskRuPhone } from './phoneMask.ts';

const RESEND_AFTER = 60;

/** Seconds until another code may be asked for, and a way to start counting again. */
function useResendCountdown() {
  const [left, setLeft] = useState(RESEND_AFTER);
  useEffect(() => {
    if (left <= 0) return;
    const t = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(t);
  }, [left]);
  return { left, restart: () => setLeft(RESEND_AFTER) };
}

function Resend({ left, onResend }: { left: number; onResend: () => void }) {
  return left > 0 ? (
    <Text size="sm" c="dimmed" ta="center" data-testid="resend-countdown">
      Отправить код ещё раз можно через {left} с
    </Text>
  ) : (
    <Button variant="subtle" onClick={onResend}>
      Отправить код ещё раз
    </Button>
  );
}

/** Step 2: the six digits from the SMS; another code after a minute, or back to change the number. */
export function CodeStep({
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
  const countdown = useResendCountdown();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setError('Код — это 6 цифр из SMS');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      onVerified(await verifyCode(phone, code));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const resend = async () => {
    setError(null);
    try {
      setInfo((await requestCode(phone)).message);
      countdown.restart();
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
        <Resend left={countdown.left} onResend={resend} />
        <Button variant="subtle" color="gray" onClick={onChangePhone}>
          Изменить номер
        </Button>
      </Stack>
    </form>
  );
}
