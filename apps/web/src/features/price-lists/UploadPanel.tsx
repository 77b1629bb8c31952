import { Anchor, Button, Card, FileInput, Stack, Text, Title } from '@mantine/core';
import type { PriceListVersionDetail } from '@remed/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, isApiError } from '../../app/api.ts';
import { priceListsUrl, useRefreshPriceLists } from './api.ts';

/** Template links and the upload of a filled file; the new draft opens at once and shows the check as it goes. */
export function UploadPanel({ clinicId }: { clinicId: string }) {
  const navigate = useNavigate();
  const refresh = useRefreshPriceLists(clinicId);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async () => {
    if (!file) {
      setError('Выберите файл');
      return;
    }
    setError(null);
    setBusy(true);
    const form = new FormData();
    form.set('file', file, file.name);
    try {
      const version = await api.upload<PriceListVersionDetail>(priceListsUrl(clinicId, '/uploads'), form);
      await refresh();
      navigate(`/clinic/price-lists/${version.id}`);
    } catch (e) {
      setError(isApiError(e) ? (e.fields.file ?? e.message) : 'Не удалось загрузить файл');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="md" data-testid="price-list-upload">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Загрузить прейскурант из файла
        </Title>
        <Text size="sm">
          Заполните шаблон:{' '}
          <Anchor href={priceListsUrl(clinicId, '/template.xlsx')} download data-testid="template-xlsx">
            XLSX
          </Anchor>{' '}
          (лист для заполнения, инструкция и пример) или{' '}
          <Anchor href={priceListsUrl(clinicId, '/template.csv')} download data-testid="template-csv">
            CSV
          </Anchor>{' '}
          (замените строки-примеры своими). Столбцы: код клиники, код услуги по 804н, наименование, цена в
          рублях, примечание. Файл станет черновиком новой версии: мы проверим каждую строку, и вы опубликуете
          его с нужной даты.
        </Text>
        <FileInput
          label="Файл прейскуранта"
          description="XLSX или CSV до 30 МБ и до 100 000 строк; CSV из Excel — в кодировке UTF-8 или Windows-1251"
          placeholder="Выберите файл .xlsx или .csv"
          accept=".xlsx,.csv"
          leftSection={<IconFileSpreadsheet size={18} />}
          value={file}
          onChange={(f) => {
            setFile(f);
            setError(null);
          }}
          clearable
          error={error}
          data-testid="price-list-file"
        />
        <Button
          onClick={upload}
          loading={busy}
          leftSection={<IconUpload size={18} />}
          style={{ alignSelf: 'flex-start' }}
          data-testid="price-list-upload-start"
        >
          Загрузить и проверить
        </Button>
      </Stack>
    </Card>
  );
}
