import { Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import type { PriceListVersionDetail } from '@remed/core';
import { IconUpload } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { TableFileInput } from '../../ui/TableFileInput.tsx';
import { useFileUpload } from '../../ui/useFileUpload.ts';
import { priceListsUrl, useRefreshPriceLists } from './api.ts';

/** Template links and the upload of a filled file; the new draft opens at once and shows the check as it goes. */
export function UploadPanel({ clinicId }: { clinicId: string }) {
  const navigate = useNavigate();
  const refresh = useRefreshPriceLists(clinicId);
  const upload = useFileUpload(
    async (file) => {
      const form = new FormData();
      form.set('file', file, file.name);
      const version = await api.upload<PriceListVersionDetail>(priceListsUrl(clinicId, '/uploads'), form);
      await refresh();
      navigate(`/clinic/price-lists/${version.id}`);
    },
    (e) => e.fields.file ?? e.message,
  );

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
        <TableFileInput
          upload={upload}
          label="Файл прейскуранта"
          description="XLSX или CSV до 30 МБ и до 100 000 строк; CSV из Excel — в кодировке UTF-8 или Windows-1251"
          data-testid="price-list-file"
        />
        <Button
          onClick={upload.upload}
          loading={upload.busy}
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
