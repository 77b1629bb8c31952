import {
  Alert,
  Button,
  CloseButton,
  FileButton,
  Group,
  Image,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconCamera, IconCircleCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import { formatBytes } from '../../app/format.ts';
import { useServerForm } from '../../app/forms.ts';
import { FormError } from '../../ui/FormError.tsx';
import { myRequestsKey } from './api.ts';
import { MyRequests } from './MyRequests.tsx';

interface HelpForm {
  complaint: string;
  since: string;
  temperature: string;
  preferredArea: string;
  contactTime: string;
}

const EMPTY: HelpForm = { complaint: '', since: '', temperature: '', preferredArea: '', contactTime: '' };
/** The optional questions after the complaint that help the doctor pick a clinic before calling. */
const DETAIL_QUESTIONS: readonly {
  name: Exclude<keyof HelpForm, 'complaint'>;
  label: string;
  placeholder: string;
  inputMode?: 'decimal';
}[] = [
  { name: 'since', label: 'С какого времени?', placeholder: 'Например: со вчерашнего вечера' },
  { name: 'temperature', label: 'Какая температура?', placeholder: 'Например: 37,8', inputMode: 'decimal' },
  {
    name: 'preferredArea',
    label: 'В каком районе города удобнее лечиться?',
    placeholder: 'Например: север Москвы, рядом с работой',
  },
  {
    name: 'contactTime',
    label: 'Когда вам удобно ответить на звонок?',
    placeholder: 'Например: после 18:00',
  },
];

const MAX_PHOTO = 10 * 1024 * 1024;
// Without HEIC in the list an iPhone hands the page a JPEG, which the server can check and staff can open.
const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';

function PhotoPicker({ photo, onChange }: { photo: File | null; onChange: (f: File | null) => void }) {
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (!photo) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(photo);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [photo]);

  return (
    <Stack gap="xs">
      <Text fw={500}>Фото (по желанию)</Text>
      <Text size="sm" c="dimmed">
        Например, сыпь, рана или выписка врача. JPEG, PNG, WEBP или HEIC, до 10 МБ.
      </Text>
      {photo ? (
        <Group align="flex-start" gap="sm" wrap="nowrap" data-testid="photo-preview">
          {preview && <Image src={preview} alt="Выбранное фото" w={120} h={120} fit="cover" radius="md" />}
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm" style={{ wordBreak: 'break-all' }}>
              {photo.name}
            </Text>
            <Text size="xs" c="dimmed">
              {formatBytes(photo.size)}
            </Text>
          </Stack>
          <CloseButton aria-label="Убрать фото" onClick={() => onChange(null)} />
        </Group>
      ) : (
        <FileButton onChange={onChange} accept={PHOTO_TYPES}>
          {(props) => (
            <Button
              {...props}
              variant="light"
              leftSection={<IconCamera size={20} />}
              size="lg"
              w="fit-content"
            >
              Добавить фото
            </Button>
          )}
        </FileButton>
      )}
    </Stack>
  );
}

export function HelpPage() {
  const queryClient = useQueryClient();
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const form = useServerForm<HelpForm>({ defaultValues: EMPTY }, Object.keys(EMPTY));
  const { field } = form;

  const pickPhoto = (f: File | null) => {
    setPhotoError(f && f.size > MAX_PHOTO ? 'Фото больше 10 МБ — выберите другое' : null);
    setPhoto(f && f.size <= MAX_PHOTO ? f : null);
  };

  const onSubmit = form.submit(async (values) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(values)) if (v.trim()) body.set(k, v.trim());
    if (photo) body.set('photo', photo, photo.name);
    await api.upload<{ id: string }>('/api/me/requests', body);
    setSent(true);
    form.reset(EMPTY);
    setPhoto(null);
    await queryClient.invalidateQueries({ queryKey: myRequestsKey });
  });

  return (
    <Stack gap="lg" maw={720} data-testid="page-help">
      <Stack gap={4}>
        <Title order={1} fz={{ base: 26, sm: 30 }}>
          Попросить помощи
        </Title>
        <Text fz="md" c="dimmed">
          Опишите, что беспокоит. Врач медицинского пульта позвонит, подберёт клинику и выдаст гарантийное
          письмо — платить за согласованные услуги не придётся.
        </Text>
      </Stack>
      {sent && (
        <Alert
          color="teal"
          icon={<IconCircleCheck />}
          title="Обращение отправлено"
          role="status"
          data-testid="help-sent"
          withCloseButton
          onClose={() => setSent(false)}
        >
          Врач пульта свяжется с вами в ближайшее время. Следите за статусом ниже, в разделе «Мои обращения».
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate data-testid="help-form">
        <Stack gap="md">
          <FormError message={form.formError} icon={<IconAlertCircle />} />
          <Textarea
            label="Что вас беспокоит?"
            placeholder="Например: третий день болит горло, температура"
            autosize
            minRows={4}
            size="lg"
            withAsterisk
            {...field('complaint', {
              validate: (v) => v.trim().length >= 3 || 'Опишите, что беспокоит',
            })}
          />
          {DETAIL_QUESTIONS.map((q) => (
            <TextInput
              key={q.name}
              label={q.label}
              placeholder={q.placeholder}
              inputMode={q.inputMode}
              size="lg"
              {...field(q.name)}
            />
          ))}
          <PhotoPicker photo={photo} onChange={pickPhoto} />
          {photoError && (
            <Text c="red" size="sm" role="alert">
              {photoError}
            </Text>
          )}
          <Button type="submit" size="lg" loading={form.formState.isSubmitting} fullWidth>
            Отправить врачу
          </Button>
        </Stack>
      </form>
      <Stack gap="sm">
        <Title order={2} size="h3">
          Мои обращения
        </Title>
        <MyRequests />
      </Stack>
    </Stack>
  );
}
