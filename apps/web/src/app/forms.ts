import { useState } from 'react';
import {
  type FieldError,
  type FieldValues,
  get,
  type Path,
  type RegisterOptions,
  type UseFormProps,
  type UseFormReturn,
  type UseFormSetError,
  useForm,
} from 'react-hook-form';
import { isApiError } from './api.ts';

/**
 * Puts the server's per-field messages next to their inputs and returns the text for the form-level alert,
 * or null when every message found its field.
 */
function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldNames: readonly string[],
): string | null {
  if (!isApiError(error)) return 'Не удалось выполнить действие. Повторите попытку';
  let unplaced = false;
  for (const [field, message] of Object.entries(error.fields)) {
    const name = field.split('.')[0] ?? field;
    if (fieldNames.includes(name)) setError(name as Path<T>, { type: 'server', message });
    else unplaced = true;
  }
  return Object.keys(error.fields).length === 0 || unplaced ? error.message : null;
}

/** A registered input together with its validation message, spread onto a Mantine input. */
export function fieldProps<T extends FieldValues, O = T>(
  form: Pick<UseFormReturn<T, unknown, O>, 'register' | 'formState'>,
  name: Path<T>,
  rules?: RegisterOptions<T, Path<T>>,
) {
  const error: FieldError | undefined = get(form.formState.errors, name);
  return { ...form.register(name, rules), error: error?.message };
}

/**
 * The form-level failure of a form that talks to the server: `showServerErrors(e)` puts what the server rejected
 * next to the fields (`fieldNames`) or into `formError` for the form-level alert. For forms that are not
 * submitted in one go (the registration wizards); the others take `useServerForm`.
 */
export function useServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldNames: readonly string[],
) {
  const [formError, setFormError] = useState<string | null>(null);
  const showServerErrors = (e: unknown) => setFormError(applyServerErrors(e, setError, fieldNames));
  return { formError, setFormError, showServerErrors };
}

/**
 * A form whose submit goes to the server: `submit(action)` clears the last failure, runs the action and puts
 * what the server rejected next to the fields (`fieldNames`) or into `formError` for the form-level alert.
 */
export function useServerForm<T extends FieldValues, O = T>(
  props: UseFormProps<T, unknown, O>,
  fieldNames: readonly string[],
) {
  const form = useForm<T, unknown, O>(props);
  const { formError, setFormError, showServerErrors } = useServerErrors(form.setError, fieldNames);
  const submit = (action: (values: O) => Promise<void>) =>
    form.handleSubmit(async (values) => {
      setFormError(null);
      try {
        await action(values);
      } catch (e) {
        showServerErrors(e);
      }
    });
  const field = (name: Path<T>, rules?: RegisterOptions<T, Path<T>>) => fieldProps(form, name, rules);
  return { ...form, formError, setFormError, submit, field };
}
