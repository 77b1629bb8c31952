import { Alert, Button, Group, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { Navigate } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { RegistrationFrame } from '../registration/RegistrationFrame.tsx';
import { AccountFields } from './AccountFields.tsx';
import { ClinicWizard } from './ClinicWizard.tsx';
import { BankFields, ContactsFields, OrganisationFields } from './RequisitesFields.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import { STEPS, useClinicRegistration } from './useClinicRegistration.ts';

function DraftRestoredNote({ onStartOver }: { onStartOver: () => void }) {
  return (
    <Alert color="teal" variant="light" icon={<IconDeviceFloppy />} data-testid="draft-restored">
      <Group justify="space-between" gap="xs">
        <Text size="sm">Мы восстановили заполненное ранее. Пароль нужно ввести заново.</Text>
        <Button size="xs" variant="white" onClick={onStartOver}>
          Начать заново
        </Button>
      </Group>
    </Alert>
  );
}

/**
 * Public self-registration of a clinic: organisation (filled by ИНН), bank (filled by БИК), contacts, the first
 * employee's account, then the user agreement and a one-time code to the employee's e-mail or phone. The draft
 * lives in this browser until the clinic is registered.
 */
export function RegisterClinicPage() {
  const { user } = useSession();
  const r = useClinicRegistration();
  const { form, lookup } = r;

  // Just registered: to the cabinet's home. Already signed in: a clinic employee adds an entity to the network.
  if (user)
    return (
      <Navigate to={r.done || !user.roles.includes('clinic_user') ? '/' : '/clinic/network/new'} replace />
    );

  const current = STEPS[r.step]!;
  return (
    <RegistrationFrame
      title="Регистрация клиники"
      intro="Займёт 15–20 минут. Подготовьте ИНН и банковские реквизиты: остальное подставим из справочника. Введённое сохраняется в этом браузере — можно прерваться и вернуться."
      signInQuestion="Клиника уже зарегистрирована?"
      width={860}
      compactOnPhone
      testId="page-clinic-register"
    >
      {r.restoredNote && <DraftRestoredNote onStartOver={r.startOver} />}
      <ClinicWizard
        steps={STEPS}
        form={form}
        step={r.step}
        onStep={r.goTo}
        blocker={(s) =>
          s.key === 'organisation' && lookup.innProblem ? { field: 'inn', message: lookup.innProblem } : null
        }
        onFinish={r.finish}
        finishLabel={r.sent ? 'Зарегистрировать клинику' : 'Получить код подтверждения'}
        busy={r.busy}
        error={r.error}
      >
        {current.key === 'organisation' && <OrganisationFields form={form} lookup={lookup} />}
        {current.key === 'bank' && <BankFields form={form} lookup={lookup} />}
        {current.key === 'contacts' && <ContactsFields form={form} />}
        {current.key === 'account' && <AccountFields form={form} />}
        {current.key === 'review' && (
          <ReviewStep
            form={form}
            steps={STEPS.slice(0, -1)}
            onEdit={r.goTo}
            sent={r.sent}
            onResend={r.sendCode}
            onOtherChannel={() => r.setSent(null)}
          />
        )}
      </ClinicWizard>
    </RegistrationFrame>
  );
}
