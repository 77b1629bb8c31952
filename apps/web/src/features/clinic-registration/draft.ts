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
    // A visit that typed nothing leaves nothing worth restoring.
    const typed = d?.values && Object.values(d.values).some((v) => typeof v === 'string' && v.trim() !== '');
    return typed ? d : null;
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
  const pending = useRef<(() => void) | null>(null);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current?.();
    pending.current = null;
  }, []);

  /** Typing is saved a moment later; a new step at once, so that a reload opens it. */
  const save = useCallback(
    (values: Partial<ClinicFormValues>, step: number, opts: { now?: boolean } = {}) => {
      const kept = Object.fromEntries(
        Object.entries(values).filter(([k]) => !SECRET.includes(k as keyof ClinicFormValues)),
      );
      pending.current = () => {
        try {
          localStorage.setItem(
            key,
            JSON.stringify({ values: kept, step, savedAt: new Date().toISOString() }),
          );
        } catch {
          // Storage full or forbidden (private mode): the form still works, only without a draft.
        }
      };
      if (timer.current) clearTimeout(timer.current);
      if (opts.now) flush();
      else timer.current = setTimeout(flush, 300);
    },
    [key, flush],
  );

  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    pending.current = null;
    localStorage.removeItem(key);
  }, [key]);

  // Leaving the page (reload, closed tab) writes what is still waiting.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

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
  save: (values: Partial<ClinicFormValues>, step: number, opts?: { now?: boolean }) => void,
) {
  useEffect(() => {
    save(form.getValues(), step, { now: true });
    const sub = form.watch((values) => save(values as Partial<ClinicFormValues>, step));
    return () => sub.unsubscribe();
  }, [form, step, save]);
}
