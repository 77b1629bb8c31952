import { inactiveCompanyReason, validateBik, validateInn } from '@remed/core';
import { useCallback, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { isApiError } from '../../app/api.ts';
import { findBank, findParty, innAvailability } from './api.ts';
import type { ClinicFormValues } from './clinicForm.ts';

export type LookupState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'found'; name: string }
  | { kind: 'not_found' }
  | { kind: 'unavailable'; message: string };

const failed = (e: unknown): LookupState =>
  isApiError(e) && e.status === 404
    ? { kind: 'not_found' }
    : {
        kind: 'unavailable',
        message: isApiError(e) ? e.message : 'Справочник сейчас не отвечает. Заполните поля вручную',
      };

/**
 * Fills the form from the company directory as the person types: a valid ИНН brings the name, КПП, ОГРН, address
 * and head; a valid БИК the bank's name and correspondent account. It runs on typing only, never on load, so a
 * restored draft keeps the person's own corrections. Every field stays editable.
 */
export function useDirectoryLookup(
  form: UseFormReturn<ClinicFormValues>,
  opts: { checkAvailability: boolean },
) {
  const { setValue, setError, getValues, trigger } = form;
  const [party, setParty] = useState<LookupState>({ kind: 'idle' });
  const [bank, setBank] = useState<LookupState>({ kind: 'idle' });
  /** Why this ИНН cannot register (closed company, already here); kept so that «Далее» stays refused. */
  const [innProblem, setInnProblem] = useState<string | null>(null);
  const lastInn = useRef('');
  const lastBik = useRef('');

  const fill = useCallback(
    (field: keyof ClinicFormValues, value: string | null | undefined) => {
      if (value) setValue(field, value, { shouldDirty: true, shouldValidate: true });
    },
    [setValue],
  );

  const onInnChange = useCallback(
    async (raw: string) => {
      const r = validateInn(raw);
      if (!r.ok || r.value === lastInn.current) {
        if (!r.ok) {
          lastInn.current = '';
          setParty({ kind: 'idle' });
          setInnProblem(null);
        }
        return;
      }
      const inn = r.value;
      lastInn.current = inn;
      setParty({ kind: 'loading' });
      setInnProblem(null);
      const [found, free] = await Promise.allSettled([
        findParty(inn),
        opts.checkAvailability ? innAvailability(inn) : Promise.resolve({ available: true }),
      ]);
      if (lastInn.current !== inn) return;
      let problem: string | null = null;
      if (free.status === 'fulfilled' && !free.value.available)
        problem =
          'Клиника с этим ИНН уже зарегистрирована в remed. Если вы в ней работаете, войдите в кабинет или обратитесь в поддержку';
      if (found.status === 'fulfilled') {
        const p = found.value;
        problem ??= inactiveCompanyReason(p.status);
        fill('name', p.name);
        fill('shortName', p.shortName);
        setValue('kpp', p.kpp ?? '', { shouldDirty: true, shouldValidate: true });
        fill('ogrn', p.ogrn);
        fill('address', p.address);
        fill('headName', p.head?.name);
        fill('headPost', p.head?.post);
        setParty({ kind: 'found', name: p.shortName });
      } else {
        setParty(failed(found.reason));
      }
      setInnProblem(problem);
      if (problem) setError('inn', { type: 'directory', message: problem });
    },
    [opts.checkAvailability, fill, setError, setValue],
  );

  const onBikChange = useCallback(
    async (raw: string) => {
      const r = validateBik(raw);
      if (!r.ok || r.value === lastBik.current) {
        if (!r.ok) {
          lastBik.current = '';
          setBank({ kind: 'idle' });
        }
        return;
      }
      const bik = r.value;
      lastBik.current = bik;
      setBank({ kind: 'loading' });
      try {
        const b = await findBank(bik);
        if (lastBik.current !== bik) return;
        fill('bankName', b.name);
        fill('correspondentAccount', b.correspondentAccount);
        setBank({ kind: 'found', name: b.name });
      } catch (e) {
        if (lastBik.current === bik) setBank(failed(e));
      }
      // The settlement account is keyed by the БИК: check it again against the new one.
      if (getValues('settlementAccount')) await trigger('settlementAccount');
    },
    [fill, getValues, trigger],
  );

  return { party, bank, innProblem, onInnChange, onBikChange };
}
