import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { type ClinicFormValues, emptyClinicForm } from './clinicForm.ts';

/** Never kept in the browser's storage: passwords and the one-time code. */
const SECRET: readonly (keyof ClinicFormValues)[] = ['password', 'passwordRepeat', 'code'];

interface Draft {
  values: Partial<ClinicFormValues>;
  step: number;
  savedAt: string;
}

function read(key: string): Draft | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw) as Draft;
    return d && typeof d === 'object' && d.values ? d : null;
  } catch {
    return null;
  }
}

/**
 * Keeps what was typed in this browser (localStorage), so that a reload or a closed tab loses nothing of a form
 * that takes a quarter of an hour. Passwords and codes are not kept.
 */
export function useClinicDraft(key: string) {
  const [restored] = useState(() => read(key));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const save = useCallback(
    (values: Partial<ClinicFormValues>, step: number) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const kept = Object.fromEntries(
          Object.entries(values).filter(([k]) => !SECRET.includes(k as keyof ClinicFormValues)),
        );
        try {
          localStorage.setItem(
            key,
            JSON.stringify({ values: kept, step, savedAt: new Date().toISOString() }),
          );
        } catch {
          // Storage full or forbidden (private mode): the form still works, only without a draft.
        }
      }, 300);
    },
    [key],
  );

  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    localStorage.removeItem(key);
  }, [key]);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  return {
    restored,
    initialValues: { ...emptyClinicForm, ...restored?.values } as ClinicFormValues,
    initialStep: restored?.step ?? 0,
    save,
    clear,
  };
}

/** Saves the draft whenever a value or the step changes. */
export function useAutosave(
  form: UseFormReturn<ClinicFormValues>,
  step: number,
  save: (values: Partial<ClinicFormValues>, step: number) => void,
) {
  useEffect(() => {
    save(form.getValues(), step);
    const sub = form.watch((values) => save(values as Partial<ClinicFormValues>, step));
    return () => sub.unsubscribe();
  }, [form, step, save]);
}
