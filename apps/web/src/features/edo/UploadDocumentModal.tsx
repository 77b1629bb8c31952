import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  FileInput,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  type EdoDocumentView,
  type UploadDocument,
  uploadDocumentSchema,
} from '@remed/core';
import { IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Controller } from 'react-hook-form';
import { api } from '../../app/api.ts';
import { useServerForm } from '../../app/forms.ts';
import { FormError } from '../../ui/FormError.tsx';
import { edoKey } from './api.ts';

const FIELDS = ['type', 'number', 'documentDate', 'periodFrom', 'periodTo', 'comment', 'file'] as const;
const ACCEPT = '.pdf,.xlsx,.csv,.docx,.png,.jpg,.jpeg';
/** A field left empty is not sent, rather than sent as an empty text. */
const optional = { setValueAs: (v: string) => v || undefined };
type Values = UploadDocument & { file: File | null };

export function UploadDocumentModal({
  clinicId,
  recipient,
  opened,
  onClose,
}: {
  clinicId: string;
  recipient: string;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Отправить документ: ${recipient}`} size="lg">
      {opened && <UploadForm clinicId={clinicId} onDone={onClose} />}
    </Modal>
  );
}

function UploadForm({ clinicId, onDone }: { clinicId: string; onDone: () => void }) {
  const qc = useQueryClient();
  const form = useServerForm<Values>(
    {
      resolver: zodResolver(uploadDocumentSchema) as never,
      defaultValues: {
        type: 'act',
        number: '',
        documentDate: new Date().toISOString().slice(0, 10),
        file: null,
      },
    },
    FIELDS,
  );
  const { field: fieldOf, formError } = form;
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.submit(async (meta) => {
    // The schema describes the form fields; the file is kept beside them, so it is read from the form.
    const file = form.getValues('file');
    if (!file) {
      form.setError('file', { message: 'Выберите файл' });
      return;
    }
    const body = new FormData();
    for (const [k, v] of Object.entries(meta)) if (v && k !== 'file') body.append(k, String(v));
    body.append('file', file);
    await api.upload<EdoDocumentView>(`/api/clinics/${clinicId}/documents`, body);
    await qc.invalidateQueries({ queryKey: edoKey });
    notifications.show({ color: 'teal', message: 'Документ отправлен. Другая сторона получит письмо' });
    onDone();
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="upload-form">
      <Stack gap="sm">
        <FormError message={formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Controller
            control={form.control}
            name="type"
            render={({ field }) => (
              <Select
                label="Тип документа"
                description="Акт, реестр, отчёт или письмо"
                data={DOCUMENT_TYPES.map((t) => ({ value: t, label: DOCUMENT_TYPE_LABELS[t] }))}
                value={field.value}
                onChange={(v) => field.onChange(v ?? 'act')}
                allowDeselect={false}
                error={errors.type?.message}
              />
            )}
          />
          <TextInput label="Номер документа" description="Как в самом документе" {...fieldOf('number')} />
          <TextInput type="date" label="Дата документа" {...fieldOf('documentDate')} />
          <div />
          <TextInput
            type="date"
            label="Период с"
            description="Для актов и реестров, необязательно"
            {...fieldOf('periodFrom', optional)}
          />
          <TextInput
            type="date"
            label="Период по"
            description="Необязательно"
            {...fieldOf('periodTo', optional)}
          />
        </SimpleGrid>
        <Textarea
          label="Комментарий"
          description="Увидит другая сторона; необязательно"
          autosize
          minRows={2}
          {...fieldOf('comment', optional)}
        />
        <Controller
          control={form.control}
          name="file"
          render={({ field }) => (
            <FileInput
              label="Файл"
              description="PDF, XLSX, CSV, DOCX, PNG или JPEG, до 20 МБ"
              placeholder="Выберите файл"
              accept={ACCEPT}
              value={field.value}
              onChange={field.onChange}
              clearable
              error={errors.file?.message}
              data-testid="upload-file"
            />
          )}
        />
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconUpload size={18} />} loading={isSubmitting}>
            Отправить
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
