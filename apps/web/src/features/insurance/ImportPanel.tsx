import {
  Alert,
  Anchor,
  Button,
  Card,
  Progress,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { InsuredImportView } from '@remed/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, isApiError } from '../../app/api.ts';
import { formatCount } from '../../app/format.ts';
import { ReportHeading } from '../../ui/ReportDownloads.tsx';
import { TableFileInput } from '../../ui/TableFileInput.tsx';
import { useFileUpload } from '../../ui/useFileUpload.ts';
import { insuranceKey, isRunning, useImport } from './api.ts';

type Mode = InsuredImportView['mode'];

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} c={color}>
        {formatCount(value)}
      </Text>
    </Card>
  );
}

function Issues({ imp }: { imp: InsuredImportView }) {
  if (imp.issues.length === 0) return null;
  return (
    <Stack gap="xs">
      <ReportHeading href={(format) => `/api/insurance/imports/${imp.id}/report.${format}`}>
        <Text fw={600}>
          Ошибки в файле{imp.errorRows > imp.issues.length ? ` (показаны первые ${imp.issues.length})` : ''}
        </Text>
      </ReportHeading>
      <Table.ScrollContainer minWidth={320} mah={360}>
        <Table striped verticalSpacing="xs" data-testid="import-issues">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>Строка</Table.Th>
              <Table.Th>Столбец</Table.Th>
              <Table.Th>Ошибка</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imp.issues.map((i) => (
              <Table.Tr key={`${i.row}-${i.column}-${i.problem}`} data-testid="import-issue">
                <Table.Td>{i.row}</Table.Td>
                <Table.Td>{i.column}</Table.Td>
                <Table.Td>{i.problem}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function ImportResult({ imp }: { imp: InsuredImportView }) {
  if (isRunning(imp)) {
    const share = imp.totalRows > 0 ? Math.round((imp.processedRows / imp.totalRows) * 100) : 0;
    return (
      <Stack gap={4} data-testid="import-progress">
        <Text size="sm">
          {imp.status === 'queued'
            ? 'Файл в очереди на проверку…'
            : `Проверено строк: ${formatCount(imp.processedRows)} из ${formatCount(imp.totalRows)}`}
        </Text>
        <Progress value={imp.status === 'queued' ? 100 : share} animated striped size="lg" />
      </Stack>
    );
  }
  const summary = `Итог: добавлено ${imp.created}, обновлено ${imp.updated}, откреплено ${imp.detached}, строк с ошибками ${imp.errorRows}.`;
  return (
    <Stack gap="md" data-testid="import-result" data-status={imp.status}>
      {imp.status === 'done' && (
        <Alert color={imp.errorRows ? 'yellow' : 'teal'} icon={<IconCircleCheck />} title="Список загружен">
          <Text size="sm" data-testid="import-summary">
            {summary}
          </Text>
          {imp.errorRows > 0 && (
            <Text size="sm" mt={4}>
              Строки с ошибками пропущены: исправьте их по отчёту и загрузите файл ещё раз.
            </Text>
          )}
        </Alert>
      )}
      {imp.status === 'rejected' && (
        <Alert
          color="red"
          icon={<IconAlertCircle />}
          title="Ничего не загружено"
          data-testid="import-rejected"
        >
          <Text size="sm">
            В файле есть ошибки ({imp.errorRows} {imp.errorRows === 1 ? 'строка' : 'строк(и)'}), а вы выбрали
            «Загрузить, только если ошибок нет» — поэтому список застрахованных не изменился: никто не
            добавлен, не обновлён и не откреплён. Исправьте строки из таблицы ниже и загрузите файл снова или
            выберите «Загрузить верные строки».
          </Text>
        </Alert>
      )}
      {imp.status === 'failed' && (
        <Alert color="red" icon={<IconAlertCircle />} title="Ничего не загружено: файл не удалось прочитать">
          <Text size="sm">
            Проверьте, что это XLSX или CSV по нашему шаблону (первая строка — заголовки столбцов), и
            попробуйте снова.
          </Text>
        </Alert>
      )}
      {imp.status !== 'failed' && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Stat label="Добавлено" value={imp.created} color="teal.8" />
          <Stat label="Обновлено" value={imp.updated} />
          <Stat label="Откреплено" value={imp.detached} />
          <Stat label="Строк с ошибками" value={imp.errorRows} color={imp.errorRows ? 'red.8' : undefined} />
        </SimpleGrid>
      )}
      <Issues imp={imp} />
    </Stack>
  );
}

export function ImportPanel({ programId }: { programId: string }) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>('all_or_nothing');
  const [importId, setImportId] = useState<string | null>(null);
  const imp = useImport(importId);
  const finished = imp.data && !isRunning(imp.data);

  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: insuranceKey });
  }, [finished, queryClient]);

  const upload = useFileUpload(async (file) => {
    const form = new FormData();
    form.set('mode', mode);
    form.set('file', file, file.name);
    const started = await api.upload<InsuredImportView>(`/api/insurance/programs/${programId}/imports`, form);
    queryClient.setQueryData([...insuranceKey, 'import', started.id], started);
    setImportId(started.id);
  });

  const running = !!imp.data && isRunning(imp.data);
  return (
    <Card withBorder padding="md" data-testid="import-panel">
      <Stack gap="md">
        <Title order={2} size="h3">
          Загрузить список
        </Title>
        <Text size="sm">
          Заполните шаблон:{' '}
          <Anchor href="/api/insurance/insured-template.xlsx" download>
            XLSX
          </Anchor>{' '}
          или{' '}
          <Anchor href="/api/insurance/insured-template.csv" download>
            CSV
          </Anchor>
          . Файл — это полный список программы: кто есть в файле, добавляется или обновляется; кого в файле
          нет, открепляется сегодняшним числом. Новым застрахованным с телефоном уйдёт SMS-приглашение.
        </Text>
        <TableFileInput upload={upload} label="Файл со списком" data-testid="import-file" />
        <Radio.Group label="Если в файле найдутся ошибки" value={mode} onChange={(v) => setMode(v as Mode)}>
          <Stack gap="xs" mt={6}>
            <Radio value="all_or_nothing" label="Загрузить, только если ошибок нет" />
            <Radio value="valid_rows" label="Загрузить верные строки, ошибочные пропустить" />
          </Stack>
        </Radio.Group>
        <Button
          onClick={upload.upload}
          loading={upload.busy || running}
          style={{ alignSelf: 'flex-start' }}
          data-testid="import-start"
        >
          Загрузить
        </Button>
        {imp.isError && (
          <Alert color="red" role="alert">
            {isApiError(imp.error) ? imp.error.message : 'Не удалось узнать ход загрузки'}
          </Alert>
        )}
        {imp.data && <ImportResult imp={imp.data} />}
      </Stack>
    </Card>
  );
}
