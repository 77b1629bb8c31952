import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { clinicRegistrationSchema, type RegistrationCodeSent } from '@remed/core';
import { IconDeviceFloppy, IconMailCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { Link, Navigate } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { applyServerErrors } from '../../app/forms.ts';
import { useSession } from '../../app/session.tsx';
import { maskRuPhone } from '../registration/phoneMask.ts';
import { AccountFields } from './AccountFields.tsx';
import { registerClinic, requestRegistrationCode } from './api.ts';
import { ClinicWizard } from './ClinicWizard.tsx';
import {
  type ClinicFormValues,
  clinicResolver,
  emptyClinicForm,
  STEP_ACCOUNT,
  STEP_BANK,
  STEP_CONTACTS,
  STEP_ORGANISATION,
  STEP_REVIEW,
  stepOf,
  touchFields,
} from './clinicForm.ts';
import { useAutosave, useClinicDraft } from './draft.ts';
import { BankFields, ContactsFields, OrganisationFields } from './RequisitesFields.tsx';
import { AgreementField, ReviewSummary } from './Review.tsx';
import { useDirectoryLookup } from './useDirectoryLookup.ts';

const STEPS = [STEP_ORGANISATION, STEP_BANK, STEP_CONTACTS, STEP_ACCOUNT, STEP_REVIEW];
const ALL_FIELDS = [...new Set([...STEPS.flatMap((s) => s.fields), 'code'])];
const DRAFT_KEY = 'remed.clinicRegistration.draft';
const resolver = clinicResolver(clinicRegistrationSchema, { repeatPassword: true });

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

/**
 * Public self-registration of a clinic: organisation (filled by ИНН), bank (filled by БИК), contacts, the first
 * employee's account, then the user agreement and a one-time code to the employee's e-mail or phone. The draft
 * lives in this browser until the clinic is registered.
 */
export function RegisterClinicPage() {
  const { user, signedIn } = useSession();
  const draft = useClinicDraft(DRAFT_KEY);
  const form = useForm<ClinicFormValues>({
    resolver,
    defaultValues: draft.initialValues,
    mode: 'onTouched',
  });
  const [step, setStep] = useState(() => Math.min(draft.initialStep, STEPS.length - 1));
  const [sent, setSent] = useState<(RegistrationCodeSent & { at: number }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [restoredNote, setRestoredNote] = useState(!!draft.restored);
  const lookup = useDirectoryLookup(form, { checkAvailability: true });
  const [userEmail, userPhone] = useWatch({ control: form.control, name: ['userEmail', 'userPhone'] });
  useAutosave(form, step, draft.save);

  // Just registered: to the cabinet's home. Already signed in: a clinic employee adds an entity to the network.
  if (user)
    return (
      <Navigate to={done || !user.roles.includes('clinic_user') ? '/' : '/clinic/network/new'} replace />
    );

  const goTo = (next: number) => {
    setError(null);
    setRestoredNote(false);
    setStep(next);
  };

  /** Puts the server's field messages under their fields and opens the step of the first one. */
  const showServerError = (e: unknown) => {
    setError(applyServerErrors(e, form.setError, ALL_FIELDS));
    const field = isApiError(e) ? Object.keys(e.fields)[0] : undefined;
    const at = field ? stepOf(STEPS, field) : -1;
    if (at >= 0 && at !== step) setStep(at);
  };

  /** Every step once more before a code goes out: a draft may be older than the rules. */
  const validAll = async () => {
    if (await form.trigger()) return true;
    touchFields(
      form,
      STEPS.flatMap((s) => s.fields),
    );
    const first = STEPS.findIndex((s) => s.fields.some((f) => form.getFieldState(f).invalid));
    if (first >= 0) setStep(first);
    return false;
  };

  const sendCode = async () => {
    setError(null);
    if (!(await validAll())) return;
    setBusy(true);
    try {
      const r = await requestRegistrationCode(form.getValues());
      setSent({ ...r, at: Date.now() });
      form.setValue('code', '');
      setTimeout(() => form.setFocus('code'), 0);
    } catch (e) {
      showServerError(e);
    } finally {
      setBusy(false);
    }
  };

  const finish = async () => {
    if (!sent) return sendCode();
    setError(null);
    const code = form.getValues('code').trim();
    if (!/^\d{6}$/.test(code)) {
      form.setError(
        'code',
        { type: 'format', message: 'Код — это 6 цифр из письма или SMS' },
        { shouldFocus: true },
      );
      return;
    }
    setBusy(true);
    try {
      const res = await registerClinic({ ...form.getValues(), code });
      draft.clear();
      setDone(true);
      signedIn(res.user);
    } catch (e) {
      showServerError(e);
      setBusy(false);
    }
  };

  const current = STEPS[step]!;

  return (
    <Center mih="100dvh" p={{ base: 'xs', sm: 'md' }} bg="gray.0">
      <Paper
        withBorder
        shadow="sm"
        p={{ base: 'md', sm: 'xl' }}
        w="100%"
        maw={860}
        radius="lg"
        data-testid="page-clinic-register"
      >
        <Stack gap="md">
          <div>
            <Title order={1} c="teal.8" fz={32}>
              remed
            </Title>
            <Text fz="lg" fw={600}>
              Регистрация клиники
            </Text>
            <Text size="sm" c="dimmed">
              Займёт 15–20 минут. Подготовьте ИНН и банковские реквизиты: остальное подставим из справочника.
              Введённое сохраняется в этом браузере — можно прерваться и вернуться.
            </Text>
          </div>
          {restoredNote && (
            <Alert color="teal" variant="light" icon={<IconDeviceFloppy />} data-testid="draft-restored">
              <Group justify="space-between" gap="xs">
                <Text size="sm">Мы восстановили заполненное ранее. Пароль нужно ввести заново.</Text>
                <Button
                  size="xs"
                  variant="white"
                  onClick={() => {
                    draft.clear();
                    form.reset(emptyClinicForm);
                    setSent(null);
                    goTo(0);
                  }}
                >
                  Начать заново
                </Button>
              </Group>
            </Alert>
          )}
          <ClinicWizard
            steps={STEPS}
            form={form}
            step={step}
            onStep={goTo}
            blocker={(s) =>
              s.key === 'organisation' && lookup.innProblem
                ? { field: 'inn', message: lookup.innProblem }
                : null
            }
            onFinish={finish}
            finishLabel={sent ? 'Зарегистрировать клинику' : 'Получить код подтверждения'}
            busy={busy}
            error={error}
          >
            {current.key === 'organisation' && <OrganisationFields form={form} lookup={lookup} />}
            {current.key === 'bank' && <BankFields form={form} lookup={lookup} />}
            {current.key === 'contacts' && <ContactsFields form={form} />}
            {current.key === 'account' && <AccountFields form={form} />}
            {current.key === 'review' && (
              <Stack gap="md">
                <ReviewSummary form={form} steps={STEPS.slice(0, -1)} onEdit={goTo} />
                <AgreementField form={form} />
                {sent ? (
                  <Stack gap="xs" data-testid="code-step">
                    <Alert color="teal" variant="light" icon={<IconMailCheck />} role="status">
                      Мы отправили код на{' '}
                      <b>{sent.channel === 'phone' ? maskRuPhone(sent.sentTo) : sent.sentTo}</b>. Код
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
                      <Countdown until={sent.at + sent.resendAfterSeconds * 1000} onResend={sendCode} />
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        c="dimmed"
                        onClick={() => setSent(null)}
                      >
                        Получить код другим способом
                      </Anchor>
                    </Group>
                  </Stack>
                ) : (
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
                            label={
                              userPhone
                                ? `SMS на ${userPhone}`
                                : 'SMS — укажите мобильный на шаге «Учётная запись»'
                            }
                            disabled={!userPhone}
                          />
                        </Stack>
                      </Radio.Group>
                    )}
                  />
                )}
              </Stack>
            )}
          </ClinicWizard>
          <Text size="sm" c="dimmed" ta="center">
            Клиника уже зарегистрирована?{' '}
            <Anchor component={Link} to="/login">
              Войти
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
