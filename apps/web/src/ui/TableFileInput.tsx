import { FileInput } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';

/** The choice of an XLSX or CSV table to upload, with the refusal of the last try under it. */
export function TableFileInput({
  upload,
  label,
  description,
  'data-testid': testId,
}: {
  upload: { file: File | null; choose: (file: File | null) => void; error: string | null };
  label: string;
  description?: string;
  'data-testid': string;
}) {
  return (
    <FileInput
      label={label}
      description={description}
      placeholder="Выберите файл .xlsx или .csv"
      accept=".xlsx,.csv"
      leftSection={<IconFileSpreadsheet size={18} />}
      value={upload.file}
      onChange={upload.choose}
      clearable
      error={upload.error}
      data-testid={testId}
    />
  );
}
