import { type ButtonProps, Group, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { DownloadButton } from './DownloadButton.tsx';

export type TableFormat = 'xlsx' | 'csv';

/**
 * A table as XLSX and CSV files, one download button each. Disabled, the buttons stay in sight and
 * focusable but lead nowhere.
 */
export function TableFileButtons({
  href,
  label,
  size,
  iconSize,
  disabled = false,
  testIdPrefix,
}: {
  href: (format: TableFormat) => string;
  label: (format: TableFormat) => string;
  size: ButtonProps['size'];
  iconSize: number;
  disabled?: boolean;
  testIdPrefix?: string;
}) {
  return (
    <Group gap="xs">
      {(['xlsx', 'csv'] as const).map((format) => (
        <DownloadButton
          key={format}
          href={disabled ? undefined : href(format)}
          size={size}
          variant="light"
          iconSize={iconSize}
          data-disabled={disabled || undefined}
          onClick={(e) => disabled && e.preventDefault()}
          data-testid={testIdPrefix && `${testIdPrefix}${format}`}
        >
          {label(format)}
        </DownloadButton>
      ))}
    </Group>
  );
}

/** The check report of an uploaded table as XLSX and CSV files. */
function ReportDownloads({ href }: { href: (format: TableFormat) => string }) {
  return (
    <TableFileButtons
      href={href}
      label={(format) => `Отчёт ${format.toUpperCase()}`}
      size="compact-sm"
      iconSize={14}
    />
  );
}

/** What the check of an uploaded table found, in a line, with its full report as files beside it. */
export function ReportHeading({
  children,
  href,
  gap,
}: {
  children: ReactNode;
  href: (format: TableFormat) => string;
  gap?: MantineSpacing;
}) {
  return (
    <Group justify="space-between" wrap="wrap" gap={gap}>
      {children}
      <ReportDownloads href={href} />
    </Group>
  );
}
