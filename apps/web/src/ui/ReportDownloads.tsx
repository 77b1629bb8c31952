import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';

/** The check report of an uploaded table as XLSX and CSV files. */
export function ReportDownloads({ href }: { href: (format: 'xlsx' | 'csv') => string }) {
  return (
    <Group gap="xs">
      {(['xlsx', 'csv'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={href(format)}
          download
          size="compact-sm"
          variant="light"
          leftSection={<IconDownload size={14} />}
        >
          {`Отчёт ${format.toUpperCase()}`}
        </Button>
      ))}
    </Group>
  );
}
