import { Alert, Anchor, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Controller, type UseFormReturn, useWatch } from 'react-hook-form';
import { maskRuPhone } from '../registration/phoneMask.ts';
import type { ClinicFormValues, WizardStep } from './clinicForm.ts';
import { AgreementField, ReviewSummary } from './Review.tsx';
import type { SentCode } from './useClinicRegistration.ts';

type Form = UseFormReturn<ClinicFormValues>;

/** How the code was sent, and when another may be asked for. */
function Countdown({ until, onResend }: { until: number; onResend: () => void }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (now >= until) return;
    const t = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(t);
  }, [now, until]);
  const left = Math.ceil((until - now) / 1000);
  return left > 0 ? (
    <Text size="sm" c="dimmed" data-testid="resend-countdown">
      Отправить код ещё раз можно через {left} с
    </Text>
  ) : (
    <Anchor component="button" type="button" size="sm" onClick={onResend}>
      Отправить код ещё раз
    </Anchor>
  );
}

/** The code that came to the employee's e-mail or phone, with a way to ask again or by the other channel. */
function CodeEntry({
  form,
  sent,
  onResend,
  onOtherChannel,
}: {
  form: Form;
  sent: SentCode;
  onResend: () => void;
  onOtherChannel: () => void;
}) {
  return (
    <Stack gap="xs" data-testid="code-step">
      <Alert color="teal" variant="light" icon={<IconMailCheck />} role="status">
        Мы отправили код на <b>{sent.channel === 'phone' ? maskRuPhone(sent.sentTo) : sent.sentTo}</b>. Код
        действует 10 минут.
      </Alert>
      <TextInput
        label="Код подтверждения"
        description={sent.channel === 'phone' ? 'Шесть цифр из SMS' : 'Шесть цифр из письма'}
        placeholder="000000"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        w={{ base: '100%', xs: 240 }}
        styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
        error={form.formState.errors.code?.message}
        {...form.register('code')}
      />
      <Group gap="md">
        <Countdown until={sent.at + sent.resendAfterSeconds * 1000} onResend={onResend} />
        <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onOtherChannel}>
          Получить код другим способом
        </Anchor>
      </Group>
    </Stack>
  );
}

/** Where the code goes: the login e-mail, or an SMS when a mobile was given on the account step. */
function ConfirmByField({ form }: { form: Form }) {
  const [userEmail, userPhone] = useWatch({ control: form.control, name: ['userEmail', 'userPhone'] });
  return (
    <Controller
      control={form.control}
      name="confirmBy"
      render={({ field }) => (
        <Radio.Group
          label="Куда прислать код подтверждения"
          description="Код подтверждает, что адрес или телефон ваш; им же потом подписываются документы"
          value={field.value}
          onChange={(v) => field.onChange(v)}
          error={form.formState.errors.userPhone?.message}
        >
          <Stack gap={6} mt={6}>
            <Radio value="email" label={`На e-mail ${userEmail}`} />
            <Radio
              value="phone"
              label={userPhone ? `SMS на ${userPhone}` : 'SMS — укажите мобильный на шаге «Учётная запись»'}
              disabled={!userPhone}
            />
          </Stack>
        </Radio.Group>
      )}
    />
  );
}

/** The last step: everything entered, the user agreement, and the one-time code that confirms it all. */
export function ReviewStep({
  form,
  steps,
  onEdit,
  sent,
  onResend,
  onOtherChannel,
}: {
  form: Form;
  /** The steps before this one, to show and to go back to. */
  steps: readonly WizardStep[];
  onEdit: (step: number) => void;
  sent: SentCode | null;
  onResend: () => void;
  onOtherChannel: () => void;
}) {
  return (
    <Stack gap="md">
      <ReviewSummary form={form} steps={steps} onEdit={onEdit} />
      <AgreementField form={form} />
      {sent ? (
        <CodeEntry form={form} sent={sent} onResend={onResend} onOtherChannel={onOtherChannel} />
      ) : (
        <ConfirmByField form={form} />
      )}
    </Stack>
  );
}
