import { Button, Stack, Text, TextInput } from '@mantine/core';
import { normalizeRuPhone } from '@remed/core';
import { type FormEvent, useState } from 'react';
import { messageOf, requestCode } from './api.ts';
import { maskRuPhone } from './phoneMask.ts';

/** Step 1: the phone the employer gave the insurer; an SMS code goes to it. */
export function PhoneStep({ onSent }: { onSent: (phone: string) => void }) {
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
      await requestCode(phone);
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
