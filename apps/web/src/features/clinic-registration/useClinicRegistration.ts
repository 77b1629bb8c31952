import { clinicRegistrationSchema, type RegistrationCodeSent } from '@remed/core';
import { useState } from 'react';
import { type UseFormReturn, useForm } from 'react-hook-form';
import { isApiError } from '../../app/api.ts';
import { useServerErrors } from '../../app/forms.ts';
import { useSession } from '../../app/session.tsx';
import { registerClinic, requestRegistrationCode } from './api.ts';
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
import { useDirectoryLookup } from './useDirectoryLookup.ts';

export const STEPS = [STEP_ORGANISATION, STEP_BANK, STEP_CONTACTS, STEP_ACCOUNT, STEP_REVIEW];
const ALL_FIELDS = [...new Set([...STEPS.flatMap((s) => s.fields), 'code'])];
const DRAFT_KEY = 'remed.clinicRegistration.draft';
const resolver = clinicResolver(clinicRegistrationSchema, { repeatPassword: true });

/** Where a code was sent, and when (so that the next one can be offered on time). */
export type SentCode = RegistrationCodeSent & { at: number };

/**
 * Every step once more before a code goes out: a draft may be older than the rules. Null when all is valid,
 * else the first step with an invalid field (-1 when none can be told).
 */
async function firstInvalidStep(form: UseFormReturn<ClinicFormValues>): Promise<number | null> {
  if (await form.trigger()) return null;
  touchFields(
    form,
    STEPS.flatMap((s) => s.fields),
  );
  return STEPS.findIndex((s) => s.fields.some((f) => form.getFieldState(f).invalid));
}

/** The step of the first field the server found wrong, or -1. */
const stepOfServerError = (e: unknown) => {
  const field = isApiError(e) ? Object.keys(e.fields)[0] : undefined;
  return field ? stepOf(STEPS, field) : -1;
};

/** The code as typed, or null once the reason it is not a code is shown under the field. */
function typedCode(form: UseFormReturn<ClinicFormValues>): string | null {
  const code = form.getValues('code').trim();
  if (/^\d{6}$/.test(code)) return code;
  form.setError(
    'code',
    { type: 'format', message: 'Код — это 6 цифр из письма или SMS' },
    { shouldFocus: true },
  );
  return null;
}

/** Which step is open and the note about a restored draft until the person moves on (which clears `error`). */
function useWizardStep(initialStep: number, restored: boolean, clearError: () => void) {
  const [step, setStep] = useState(() => Math.min(initialStep, STEPS.length - 1));
  const [restoredNote, setRestoredNote] = useState(restored);
  const goTo = (next: number) => {
    clearError();
    setRestoredNote(false);
    setStep(next);
  };
  return { step, setStep, restoredNote, goTo };
}

/**
 * The state of a clinic's self-registration: the form with its draft in this browser, the step, the code sent
 * to confirm it, and registering with that code.
 */
export function useClinicRegistration() {
  const { signedIn } = useSession();
  const draft = useClinicDraft(DRAFT_KEY);
  const form = useForm<ClinicFormValues>({ resolver, defaultValues: draft.initialValues, mode: 'onTouched' });
  const { formError, setFormError, showServerErrors } = useServerErrors(form.setError, ALL_FIELDS);
  const { step, setStep, restoredNote, goTo } = useWizardStep(draft.initialStep, !!draft.restored, () =>
    setFormError(null),
  );
  const [sent, setSent] = useState<SentCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const lookup = useDirectoryLookup(form, { checkAvailability: true });
  useAutosave(form, step, draft.save);

  /** Puts the server's field messages under their fields and opens the step of the first one. */
  const onServerFailure = (e: unknown) => {
    showServerErrors(e);
    const at = stepOfServerError(e);
    if (at >= 0 && at !== step) setStep(at);
  };

  const sendCode = async () => {
    setFormError(null);
    const invalid = await firstInvalidStep(form);
    if (invalid !== null) {
      if (invalid >= 0) setStep(invalid);
      return;
    }
    setBusy(true);
    try {
      setSent({ ...(await requestRegistrationCode(form.getValues())), at: Date.now() });
      form.setValue('code', '');
      setTimeout(() => form.setFocus('code'), 0);
    } catch (e) {
      onServerFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const finish = async () => {
    if (!sent) return sendCode();
    setFormError(null);
    const code = typedCode(form);
    if (code === null) return;
    setBusy(true);
    try {
      const res = await registerClinic({ ...form.getValues(), code });
      draft.clear();
      setDone(true);
      signedIn(res.user);
    } catch (e) {
      onServerFailure(e);
      setBusy(false);
    }
  };

  const startOver = () => {
    draft.clear();
    form.reset(emptyClinicForm);
    setSent(null);
    goTo(0);
  };

  return {
    form,
    lookup,
    step,
    goTo,
    sent,
    setSent,
    busy,
    done,
    error: formError,
    restoredNote,
    sendCode,
    finish,
    startOver,
  };
}
