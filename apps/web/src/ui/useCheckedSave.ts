import { useState } from 'react';
import { isApiError } from '../app/api.ts';

/** What is wrong with each field, and with the form as a whole under `form`. */
type SaveErrors<F extends string> = Partial<Record<F | 'form', string>>;

/**
 * The save of a small form kept in React state (a modal, a rating, a decision): it refuses while its own checks
 * find problems, then puts the server's messages for `serverFields` under those inputs and its message above them;
 * `fallback` says what failed when there is no answer from the server.
 */
export function useCheckedSave<F extends string>(serverFields: readonly F[], fallback: string) {
  const [errors, setErrors] = useState<SaveErrors<F>>({});
  const [saving, setSaving] = useState(false);

  const save = async (problems: SaveErrors<F>, action: () => Promise<void>) => {
    setErrors(problems);
    if (Object.values(problems).some(Boolean)) return;
    setSaving(true);
    try {
      await action();
    } catch (e) {
      if (!isApiError(e)) return setErrors({ form: fallback } as SaveErrors<F>);
      const next = { form: e.message } as SaveErrors<F>;
      for (const f of serverFields) if (e.fields[f]) next[f] = e.fields[f];
      setErrors(next);
    } finally {
      setSaving(false);
    }
  };

  return { errors, saving, save };
}
