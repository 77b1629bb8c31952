import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, Code, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type SignatureCodeResponse, type SignRequest, signRequestSchema } from '@remed/core';
import { IconDownload, IconSignature } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isApiError } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { useServerForm } from '../../app/forms.ts';
import { useUser } from '../../app/session.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { edoKey, requestCode } from './api.ts';

export interface SignSubject {
  /** `/api/clinics/:clinicId/contracts/:id` or `/documents/:id`. */
  baseUrl: string;
  title: string;
  /** The SHA-256 of the file as it was shown: if the file changes meanwhile, the server refuses. */
  documentHash: string;
  fileUrl: string;
  fileLabel: string;
}

const FIELDS = ['code', 'signerPost'] as const;

/**
 * Simple electronic signature: read the document, get a one-time code by SMS or e-mail, type it in.
 * The hash of what was shown travels with the code.
 */
export function SignDialog({ subject, onClose }: { subject: SignSubject | null; onClose: () => void }) {
  return (
    <Modal opened={!!subject} onClose={onClose} title="Подписать документ" size="lg">
      {subject && (
        <SignForm key={subject.baseUrl + subject.documentHash} subject={subject} onDone={onClose} />
      )}
    </Modal>
  );
}

function SignForm({ subject, onDone }: { subject: SignSubject; onDone: () => void }) {
  const user = useUser();
  const qc = useQueryClient();
  const [post, setPost] = useLocalStorage({
    key: 'remed.signerPost',
    defaultValue: '',
    getInitialValueInEffect: false,
  });
  const [channel, setChannel] = useState<'sms' | 'email'>(user.phone ? 'sms' : 'email');
  const [sent, setSent] = useState<SignatureCodeResponse | null>(null);
  const [sending, setSending] = useState(false);
  const form = useServerForm<SignRequest>(
    {
      resolver: zodResolver(signRequestSchema),
      defaultValues: { code: '', documentHash: subject.documentHash, signerPost: post },
    },
    FIELDS,
  );
  const { field, setFormError } = form;

  async function sendCode() {
    setFormError(null);
    setSending(true);
    try {
      setSent(await requestCode(subject.baseUrl, channel));
    } catch (e) {
      setFormError(isApiError(e) ? e.message : 'Не удалось отправить код. Повторите попытку');
    } finally {
      setSending(false);
    }
  }

  const onSubmit = form.submit(async (values) => {
    try {
      await api.post(`${subject.baseUrl}/sign`, values);
    } catch (e) {
      // The file changed while it was shown: reload it so that the refusal comes with the new version.
      if (isApiError(e) && e.code === 'DOCUMENT_CHANGED') await qc.invalidateQueries({ queryKey: edoKey });
      throw e;
    }
    setPost(values.signerPost);
    await qc.invalidateQueries({ queryKey: edoKey });
    notifications.show({ color: 'teal', message: `${subject.title}: подписано` });
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="sign-dialog">
      <Stack gap="md">
        <Stack gap={4}>
          <Text fw={600}>{subject.title}</Text>
          <Anchor href={subject.fileUrl} download size="sm">
            <Group gap={4}>
              <IconDownload size={16} aria-hidden />
              {subject.fileLabel}
            </Group>
          </Anchor>
          <Text size="xs" c="dimmed">
            Вы подписываете файл с контрольной суммой SHA-256:{' '}
            <Code style={{ wordBreak: 'break-all' }} data-testid="sign-hash">
              {subject.documentHash}
            </Code>
          </Text>
        </Stack>
        <FormError message={form.formError} data-testid="sign-error" />
        <TextInput
          label="Ваша должность"
          description="Так она будет указана в отметке о подписании, например «Главный врач»"
          autoComplete="organization-title"
          {...field('signerPost')}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Куда прислать код
          </Text>
          <Group gap="sm" wrap="wrap">
            <SegmentedControl
              aria-label="Куда прислать код"
              value={channel}
              onChange={(v) => setChannel(v as 'sms' | 'email')}
              data={[
                { value: 'sms', label: 'SMS', disabled: !user.phone },
                { value: 'email', label: 'Почта', disabled: !user.email },
              ]}
            />
            <Button variant="light" onClick={sendCode} loading={sending} data-testid="send-code">
              {sent ? 'Прислать новый код' : 'Получить код'}
            </Button>
          </Group>
          {sent && (
            <Text size="sm" c="teal" data-testid="code-sent">
              Код отправлен {sent.channel === 'sms' ? 'по SMS на' : 'на почту'} {sent.sentTo}. Действует до{' '}
              {formatDateTime(sent.expiresAt)}.
            </Text>
          )}
        </Stack>
        <TextInput
          label="Код из SMS или письма"
          description="Шесть цифр. Вводя код, вы подписываете документ простой электронной подписью (63-ФЗ, ст. 6 и 9)"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          {...field('code')}
        />
        <Group justify="flex-end">
          <Button
            type="submit"
            leftSection={<IconSignature size={18} />}
            loading={form.formState.isSubmitting}
            disabled={!sent}
            data-testid="sign-submit"
          >
            Подписать
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
