import { Anchor, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { clinicNetworkAddSchema } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { useCurrentClinic } from '../../app/clinic.tsx';
import { useServerErrors } from '../../app/forms.ts';
import { useSession, useUser } from '../../app/session.tsx';
import { addNetworkClinic } from '../clinic-registration/api.ts';
import { ClinicWizard } from '../clinic-registration/ClinicWizard.tsx';
import {
  type ClinicFormValues,
  clinicResolver,
  STEP_BANK,
  STEP_CONTACTS,
  STEP_ORGANISATION,
  STEP_REVIEW,
  stepOf,
  touchFields,
} from '../clinic-registration/clinicForm.ts';
import { useAutosave, useClinicDraft } from '../clinic-registration/draft.ts';
import { BankFields, ContactsFields, OrganisationFields } from '../clinic-registration/RequisitesFields.tsx';
import { AgreementField, ReviewSummary } from '../clinic-registration/Review.tsx';
import { useDirectoryLookup } from '../clinic-registration/useDirectoryLookup.ts';

const STEPS = [
  STEP_ORGANISATION,
  STEP_BANK,
  STEP_CONTACTS,
  {
    ...STEP_REVIEW,
    description: 'Проверьте данные и примите соглашение от имени нового юридического лица',
    fields: ['userAgreement'] as const,
  },
];
const ALL_FIELDS = STEPS.flatMap((s) => s.fields);
const resolver = clinicResolver(clinicNetworkAddSchema);

/** The next legal entity of the network, with the registration's steps but without a new account. */
export function AddClinicPage() {
  const user = useUser();
  const { refresh } = useSession();
  const { setClinicId } = useCurrentClinic(user);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const draft = useClinicDraft(`remed.clinicNetwork.draft.${user.id}`);
  const form = useForm<ClinicFormValues>({ resolver, defaultValues: draft.initialValues, mode: 'onTouched' });
  const [step, setStep] = useState(() => Math.min(draft.initialStep, STEPS.length - 1));
  const [busy, setBusy] = useState(false);
  const { formError, setFormError, showServerErrors } = useServerErrors(form.setError, ALL_FIELDS);
  const lookup = useDirectoryLookup(form, { checkAvailability: true });
  useAutosave(form, step, draft.save);

  const goTo = (next: number) => {
    setFormError(null);
    setStep(next);
  };

  const finish = async () => {
    setFormError(null);
    if (!(await form.trigger())) {
      touchFields(form, ALL_FIELDS);
      const first = STEPS.findIndex((s) => s.fields.some((f) => form.getFieldState(f).invalid));
      if (first >= 0) setStep(first);
      return;
    }
    setBusy(true);
    try {
      const added = await addNetworkClinic(form.getValues());
      draft.clear();
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ['home'] });
      setClinicId(added.id);
      notifications.show({
        color: 'teal',
        message: `${added.shortName} добавлена в вашу сеть. Вы работаете от её имени — переключатель в шапке`,
      });
      navigate('/clinic/requisites', { replace: true });
    } catch (e) {
      showServerErrors(e);
      const field = isApiError(e) ? Object.keys(e.fields)[0] : undefined;
      const at = field ? stepOf(STEPS, field) : -1;
      if (at >= 0) setStep(at);
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" maw={860} data-testid="page-network-add">
      <div>
        <Anchor component={Link} to="/clinic/network" size="sm">
          ← Клиники сети
        </Anchor>
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Новое юридическое лицо сети
        </Title>
        <Text c="dimmed" size="sm">
          Те же шаги, что при регистрации, но без новой учётной записи: клиника появится в переключателе в
          шапке, и вы будете входить в неё со своим логином. Введённое сохраняется в этом браузере.
        </Text>
      </div>
      <ClinicWizard
        steps={STEPS}
        form={form}
        step={step}
        onStep={goTo}
        blocker={(s) =>
          s.key === 'organisation' && lookup.innProblem ? { field: 'inn', message: lookup.innProblem } : null
        }
        onFinish={finish}
        finishLabel="Добавить в сеть"
        busy={busy}
        error={formError}
      >
        {step === 0 && <OrganisationFields form={form} lookup={lookup} />}
        {step === 1 && <BankFields form={form} lookup={lookup} />}
        {step === 2 && <ContactsFields form={form} />}
        {step === 3 && (
          <Stack gap="md">
            <ReviewSummary form={form} steps={STEPS.slice(0, -1)} onEdit={goTo} />
            <AgreementField form={form} />
          </Stack>
        )}
      </ClinicWizard>
    </Stack>
  );
}
