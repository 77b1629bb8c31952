import {
  CHAT_ATTACHMENT_MAX_BYTES,
  CHAT_ATTACHMENTS_MAX,
  type ChatThreadView,
  chatAttachmentType,
} from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { isApiError } from '../../app/api.ts';
import { addMessage, type ChatScope, chatKeys, sendMessage } from './api.ts';
import { newClientId } from './clientId.ts';

/** Why a picked file cannot go with the message, or null when it can. */
function refusal(file: File): string | null {
  if (!chatAttachmentType(file.name))
    return `Файл «${file.name}»: такие файлы не принимаются. Можно фото, PDF, Word, Excel, TXT, CSV`;
  if (file.size > CHAT_ATTACHMENT_MAX_BYTES) return `Файл «${file.name}» больше 10 МБ`;
  return null;
}

/** The message being written: its text and files, and sending it once however often it is retried. */
export function useComposer(scope: ChatScope, thread: ChatThreadView) {
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // Kept until the message is stored: a retry after a lost answer is the same message, not a second one.
  const clientId = useRef(newClientId());
  const resetFiles = useRef<() => void>(null);

  const addFiles = (picked: File[]) => {
    setError(null);
    const next = [...files];
    for (const f of picked) {
      const refused = refusal(f);
      if (refused) return setError(refused);
      next.push(f);
    }
    if (next.length > CHAT_ATTACHMENTS_MAX)
      return setError(`Не больше ${CHAT_ATTACHMENTS_MAX} файлов в сообщении`);
    setFiles(next);
    resetFiles.current?.();
  };

  const removeFile = (file: File) => setFiles(files.filter((x) => x !== file));

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (sending) return;
    if (!text.trim() && files.length === 0) return setError('Напишите сообщение или приложите файл');
    setError(null);
    setSending(true);
    const form = new FormData();
    form.set('clientId', clientId.current);
    form.set('body', text);
    for (const f of files) form.append('files', f, f.name);
    try {
      const message = await sendMessage(scope, thread.id, form);
      addMessage(qc, scope, message);
      qc.invalidateQueries({ queryKey: chatKeys.threads(scope) });
      clientId.current = newClientId();
      setText('');
      setFiles([]);
    } catch (err) {
      setError(
        isApiError(err)
          ? (Object.values(err.fields)[0] ?? err.message)
          : 'Не удалось отправить. Повторите — сообщение не задвоится',
      );
    } finally {
      setSending(false);
    }
  };

  return { text, setText, files, addFiles, removeFile, resetFiles, error, setError, sending, submit };
}
