import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from './api.ts';

/**
 * Puts the server's per-field messages next to their inputs and returns the text for the form-level alert,
 * or null when every message found its field.
 */
export function applyServerErrors<T extends FieldValues>(
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
