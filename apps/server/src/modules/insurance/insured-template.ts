import { INSURED_COLUMNS } from '@remed/core';
import { type TableFormat, writeTable } from './table-files.ts';

/** The empty list of insured people to fill in: the columns and one example row. */
export const insuredTemplate = (format: TableFormat) =>
  writeTable(
    format,
    'Застрахованные',
    INSURED_COLUMNS.map((c) => (c.required ? `${c.title}` : c.title)),
    [INSURED_COLUMNS.map((c) => c.example)],
  );
