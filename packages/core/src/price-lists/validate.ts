import { SERVICE_CODE_RE } from '../adjudication/letter.ts';
import type { Kopecks } from '../money.ts';
import { identityKey } from '../services/compare-services.ts';
import { readServiceName } from '../services/read-service-name.ts';
import { type PriceListColumnKey, priceColumnTitle } from './columns.ts';
import { parsePriceRub } from './price.ts';
import { classWarning } from './service-classes.ts';

export type IssueSeverity = 'error' | 'warning';

/** One finding of the row-by-row check; `row` is the line in the file (null for the list as a whole). */
export interface PriceListIssue {
  row: number | null;
  rowId: string | null;
  field: PriceListColumnKey | null;
  column: string;
  message: string;
  severity: IssueSeverity;
  /** Set when the file as a whole was refused: the error code of the reason (TABLE_TOO_MANY_ROWS …). */
  code?: string;
}

export type PriceRowIssue = Pick<PriceListIssue, 'field' | 'column' | 'message' | 'severity'>;

/** A row as typed: every cell is text. */
export interface PriceRowInput {
  clinicCode: string;
  serviceCode: string;
  name: string;
  price: string;
  note?: string | null | undefined;
}

/** A row tidied up: codes normalised, price read; `price` is null when it could not be read. */
export interface CheckedPriceRow {
  clinicCode: string;
  serviceCode: string;
  name: string;
  priceText: string;
  price: Kopecks | null;
  note: string | null;
}

export const PRICE_ROW_LIMITS = {
  clinicCode: 50,
  serviceCode: 30,
  name: 500,
  price: 40,
  note: 1000,
} as const;

// Cyrillic А, В and Latin look alike; spreadsheets carry both.
const LOOKALIKES: Record<string, string> = { А: 'A', В: 'B', а: 'A', в: 'B' };

/** «b01.047.001», « В01.047.001 » (Cyrillic В) → «B01.047.001». */
export function normalizeServiceCode(raw: string): string {
  return raw
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[АВав]/g, (c) => LOOKALIKES[c]!)
    .toUpperCase();
}

const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** Checks the cells of one row on their own (duplicates need the whole list: see validatePriceList). */
export function checkPriceRow(input: PriceRowInput): { row: CheckedPriceRow; issues: PriceRowIssue[] } {
  const issues: PriceRowIssue[] = [];
  const add = (field: PriceListColumnKey, message: string, severity: IssueSeverity = 'error') =>
    issues.push({ field, column: priceColumnTitle(field), message, severity });
  const tooLong = (field: keyof typeof PRICE_ROW_LIMITS, value: string) => {
    if (value.length > PRICE_ROW_LIMITS[field]) add(field, `не длиннее ${PRICE_ROW_LIMITS[field]} знаков`);
  };

  const clinicCode = collapse(input.clinicCode);
  if (!clinicCode) add('clinicCode', 'не заполнено');
  tooLong('clinicCode', clinicCode);

  const rawCode = input.serviceCode.trim();
  const serviceCode = normalizeServiceCode(rawCode);
  if (!serviceCode) add('serviceCode', 'не заполнено');
  else if (!SERVICE_CODE_RE.test(serviceCode))
    add(
      'serviceCode',
      `«${rawCode.slice(0, 40)}» — не код по номенклатуре 804н; нужен вид B01.047.001 или A04.16.001`,
    );

  const name = collapse(input.name);
  if (!name) add('name', 'не заполнено');
  tooLong('name', name);

  const priceText = input.price.trim();
  const price = parsePriceRub(priceText);
  if (!price.ok) add('price', price.message);
  tooLong('price', priceText);

  const note = collapse(input.note ?? '') || null;
  if (note) tooLong('note', note);

  if (name && SERVICE_CODE_RE.test(serviceCode)) {
    const warning = classWarning(serviceCode, name);
    if (warning) add('serviceCode', warning, 'warning');
  }
  return {
    row: { clinicCode, serviceCode, name, priceText, price: price.ok ? price.kopecks : null, note },
    issues,
  };
}

export interface PriceListCheck<R> {
  rows: (CheckedPriceRow & { source: R })[];
  issues: PriceListIssue[];
  /** Errors stop publishing; warnings do not. */
  errorCount: number;
  warningCount: number;
}

/**
 * The row-by-row check of a whole list: each row on its own, then duplicates of the 804н code and of the
 * clinic code (errors), and names that read as the same service (a warning); the later row is the one
 * reported, naming the earlier. An empty list is an error too.
 */
export function validatePriceList<R extends PriceRowInput & { line: number; id?: string | null }>(
  rows: readonly R[],
): PriceListCheck<R> {
  const issues: PriceListIssue[] = [];
  const checked: (CheckedPriceRow & { source: R })[] = [];
  const byCode = new Map<string, number>();
  const byClinicCode = new Map<string, number>();
  const byService = new Map<string, number>();
  for (const source of rows) {
    const { row, issues: own } = checkPriceRow(source);
    const key = row.name ? identityKey(readServiceName(row.name)) : null;
    const same = key === null ? undefined : byService.get(key);
    if (key !== null && same === undefined) byService.set(key, source.line);
    else if (same !== undefined)
      // A till prints the name, not the code: two rows that read alike cannot be told apart on a receipt.
      own.push({
        field: 'name',
        column: priceColumnTitle('name'),
        message: `по наименованию это та же услуга, что в строке ${same}: на чеке их не различить — уточните наименование`,
        severity: 'warning',
      });
    if (SERVICE_CODE_RE.test(row.serviceCode)) {
      const first = byCode.get(row.serviceCode);
      if (first === undefined) byCode.set(row.serviceCode, source.line);
      else
        own.push({
          field: 'serviceCode',
          column: priceColumnTitle('serviceCode'),
          message: `код ${row.serviceCode} уже есть в строке ${first}`,
          severity: 'error',
        });
    }
    if (row.clinicCode) {
      const key = row.clinicCode.toLowerCase();
      const first = byClinicCode.get(key);
      if (first === undefined) byClinicCode.set(key, source.line);
      else
        own.push({
          field: 'clinicCode',
          column: priceColumnTitle('clinicCode'),
          message: `код клиники «${row.clinicCode}» уже есть в строке ${first}`,
          severity: 'error',
        });
    }
    for (const i of own) issues.push({ row: source.line, rowId: source.id ?? null, ...i });
    checked.push({ ...row, source });
  }
  if (rows.length === 0) {
    issues.push({
      row: null,
      rowId: null,
      field: null,
      column: '—',
      message: 'В прейскуранте нет ни одной услуги',
      severity: 'error',
    });
  }
  const errorCount = issues.filter((i) => i.severity === 'error').length;
  return { rows: checked, issues, errorCount, warningCount: issues.length - errorCount };
}
