import { Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { completeRegistration, messageOf, type Verified } from './api.ts';
import { CodeStep } from './CodeStep.tsx';
import { ConsentsStep } from './ConsentsStep.tsx';
import { PasswordStep } from './PasswordStep.tsx';
import { PhoneStep } from './PhoneStep.tsx';
import { RegistrationFrame } from './RegistrationFrame.tsx';

type Step = 'phone' | 'code' | 'password' | 'consents';
const STEPS: Step[] = ['phone', 'code', 'password', 'consents'];
const TITLES: Record<Step, string> = {
  phone: 'Телефон',
  code: 'Код из SMS',
  password: 'Пароль',
  consents: 'Согласия',
};

function StepIndicator({ step }: { step: Step }) {
  const index = STEPS.indexOf(step);
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed" data-testid="register-step">
        Шаг {index + 1} из {STEPS.length}: {TITLES[step]}
      </Text>
      <Progress value={((index + 1) / STEPS.length) * 100} size="sm" aria-hidden />
    </Stack>
  );
}

/**
 * Self-registration of an insured person the employer put on the list: the phone, the SMS code, a password,
 * the consents; then the person is signed in and lands on their home page.
 */
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
      const res = await completeRegistration({
        phone,
        ticket: verified.ticket,
        ...credentials,
        employerSharing,
      });
      signedIn(res.user);
      navigate('/', { replace: true });
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <RegistrationFrame
      title="Регистрация застрахованного"
      signInQuestion="Уже зарегистрированы?"
      width={520}
      testId="page-register"
    >
      <StepIndicator step={step} />
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
    </RegistrationFrame>
  );
}
