import { useState } from 'react';
import { type ApiError, isApiError } from '../app/api.ts';

/**
 * The chosen file of an upload form and its sending: nothing goes out without a file, a new choice clears
 * the last refusal, and the server's refusal (read by `refusal`, its message by default) stands under the field.
 */
export function useFileUpload(
  send: (file: File) => Promise<void>,
  refusal: (e: ApiError) => string = (e) => e.message,
) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choose = (f: File | null) => {
    setFile(f);
    setError(null);
  };
  const upload = async () => {
    if (!file) {
      setError('Выберите файл');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await send(file);
    } catch (e) {
      setError(isApiError(e) ? refusal(e) : 'Не удалось загрузить файл');
    } finally {
      setBusy(false);
    }
  };
  return { file, choose, error, busy, upload };
}
