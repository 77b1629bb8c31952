import type { Config } from '../../config.ts';
import type { TableLimits } from '../../platform/tables/table-limits.ts';

const MB = 1024 * 1024;

/**
 * One upload of an insured list: an insurer's program can cover hundreds of thousands of people
 * (350 000 nationally), so rows and file size come from the configuration (a million rows and 200 MB by
 * default). Cells are names, dates and numbers: 1 000 characters is far beyond any real one.
 */
export function insuredImportLimits(config: Pick<Config, 'insuredImport'>): TableLimits {
  return {
    maxFileBytes: config.insuredImport.maxFileBytes,
    maxRows: config.insuredImport.maxRows,
    maxCellChars: 1_000,
    maxRowChars: 10_000,
    maxColumns: 200,
    // A million rows of inline strings unpack to about 600 MB of sheet XML; it is streamed, never held.
    maxUnpackedBytes: 1_200 * MB,
    maxEntryBytes: 1_100 * MB,
    // Shared strings are held while rows are read: about 3 unique texts per person (policy, phone, e-mail).
    maxSharedStrings: 3_500_000,
    maxSharedStringChars: 60_000_000,
    rowsInto: 'в одну загрузку списка застрахованных',
    rowsHint:
      'Разделите список на части и загрузите их как дополнение к списку (без открепления остальных) или обратитесь в поддержку remed.',
  };
}
