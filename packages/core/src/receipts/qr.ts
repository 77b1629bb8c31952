import { type Kopecks, kopecksToRubles, parseRubles } from '../money.ts';

/** The six requisites printed in a receipt QR (54-ФЗ): `t=…&s=…&fn=…&i=…&fp=…&n=…`. */
export interface QrFields {
  /** Local wall-clock time of the till, `YYYY-MM-DDTHH:MM:SS`, no zone. */
  dateTime: string;
  sum: Kopecks;
  /** Fiscal drive number, 16 digits, kept as text. */
  fn: string;
  /** Fiscal document number (ФД). */
  i: number;
  /** Fiscal sign (ФП), compared as a number because tills zero-pad it. */
  fp: number;
  /** 1 приход, 2 возврат прихода, 3 расход, 4 возврат расхода. */
  n: 1 | 2 | 3 | 4;
}

export interface ParsedQr extends QrFields {
  /** `s` came without kopecks: read as rubles, to be confirmed against the fetched receipt. */
  ambiguousSum: boolean;
}

export type QrKey = 't' | 's' | 'fn' | 'i' | 'fp' | 'n';
export type QrErrorCode = 'QR_EMPTY' | 'QR_MISSING_KEY' | 'QR_MALFORMED_VALUE' | 'QR_DUPLICATE_KEY';

export interface QrIssue<C extends string> {
  code: C;
  field: QrKey | null;
  message: string;
}

export type QrWarningCode = 'QR_AMBIGUOUS_SUM' | 'QR_UNKNOWN_KEY';

export type QrParseResult =
  | { ok: true; value: ParsedQr; warnings: QrIssue<QrWarningCode>[] }
  | { ok: false; error: QrIssue<QrErrorCode> };

const KEYS: readonly QrKey[] = ['t', 's', 'fn', 'i', 'fp', 'n'];
const UINT32_MAX = 4_294_967_295;

const KEY_TITLES: Record<QrKey, string> = {
  t: 'дата и время (t)',
  s: 'сумма (s)',
  fn: 'номер ФН (fn)',
  i: 'номер ФД (i)',
  fp: 'фискальный признак ФП (fp)',
  n: 'тип операции (n)',
};

const FORMAT_HINTS: Record<QrKey, string> = {
  t: 'ожидается ГГГГММДДTЧЧММ или ГГГГММДДTЧЧММСС',
  s: 'ожидается сумма в рублях, например 1285.21',
  fn: 'ожидается 16 цифр',
  i: 'ожидается целое число от 0 до 4294967295',
  fp: 'ожидается целое число от 0 до 4294967295',
  n: 'ожидается 1, 2, 3 или 4',
};

function fail(code: QrErrorCode, field: QrKey | null, message: string): QrParseResult {
  return { ok: false, error: { code, field, message } };
}

/** The query part of a URL, or the string itself when it is a bare `k=v&…` list. */
function queryPart(input: string): string {
  const q = input.indexOf('?');
  const query = q >= 0 ? input.slice(q + 1) : input;
  const hash = query.indexOf('#');
  return hash >= 0 ? query.slice(0, hash) : query;
}

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' ')).trim();
  } catch {
    return null;
  }
}

function isKey(k: string): k is QrKey {
  return (KEYS as readonly string[]).includes(k);
}

/** Parses a receipt QR string in any key order, bare or wrapped in a URL. */
export function parseQr(input: string): QrParseResult {
  const text = input.trim();
  if (!text) return fail('QR_EMPTY', null, 'Строка QR-кода пуста');
  const raw = new Map<QrKey, string>();
  const warnings: QrIssue<QrWarningCode>[] = [];
  for (const pair of queryPart(text).split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = (eq >= 0 ? pair.slice(0, eq) : pair).trim().toLowerCase();
    const value = decode(eq >= 0 ? pair.slice(eq + 1) : '');
    if (!isKey(key)) {
      warnings.push({
        code: 'QR_UNKNOWN_KEY',
        field: null,
        message: `Неизвестный параметр «${key}» пропущен`,
      });
      continue;
    }
    if (raw.has(key)) {
      return fail('QR_DUPLICATE_KEY', key, `Параметр ${KEY_TITLES[key]} указан в QR-коде дважды`);
    }
    if (value === null) return malformed(key);
    raw.set(key, value);
  }
  for (const key of KEYS) {
    const value = raw.get(key);
    if (value === undefined) return fail('QR_MISSING_KEY', key, `В QR-коде нет параметра ${KEY_TITLES[key]}`);
    if (value === '') return malformed(key);
  }
  return build(raw, warnings);
}

function malformed(key: QrKey): QrParseResult {
  return fail('QR_MALFORMED_VALUE', key, `Неверный параметр ${KEY_TITLES[key]}: ${FORMAT_HINTS[key]}`);
}

function build(raw: Map<QrKey, string>, warnings: QrIssue<QrWarningCode>[]): QrParseResult {
  const dateTime = parseQrDateTime(raw.get('t')!);
  if (!dateTime) return malformed('t');
  const s = raw.get('s')!;
  const sum = parseRubles(s);
  if (sum === null) return malformed('s');
  const fn = raw.get('fn')!;
  if (!/^\d{16}$/.test(fn)) return malformed('fn');
  const i = parseUint32(raw.get('i')!);
  if (i === null) return malformed('i');
  const fp = parseUint32(raw.get('fp')!);
  if (fp === null) return malformed('fp');
  const n = raw.get('n')!;
  if (!/^[1-4]$/.test(n)) return malformed('n');
  const ambiguousSum = !s.includes('.');
  if (ambiguousSum) {
    warnings.push({
      code: 'QR_AMBIGUOUS_SUM',
      field: 's',
      message: `Сумма «${s}» без копеек: принята как рубли, сверим с чеком из ФНС`,
    });
  }
  return {
    ok: true,
    value: { dateTime, sum, fn, i, fp, n: Number(n) as QrFields['n'], ambiguousSum },
    warnings,
  };
}

function parseUint32(text: string): number | null {
  // Tills zero-pad ФП to 10 digits or more; the value is what counts.
  if (!/^\d+$/.test(text)) return null;
  const digits = text.replace(/^0+(?=\d)/, '');
  if (digits.length > 10) return null;
  const v = Number(digits);
  return v <= UINT32_MAX ? v : null;
}

/** `20191005T1548` or `20191005t154830` → `2019-10-05T15:48:00` / `…15:48:30`; null when not a real moment. */
export function parseQrDateTime(t: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})[Tt](\d{2})(\d{2})(\d{2})?$/.exec(t);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00'] = m;
  if (!isValidLocal(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s))) return null;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}`;
}

/** Checks a calendar date and a time of day without any time zone or clock. */
export function isValidLocal(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

/** The inverse of `parseQr`, in the canonical key order; seconds are written only when not zero. */
export function formatQr(fields: QrFields): string {
  const [date = '', time = ''] = fields.dateTime.split('T');
  const [h = '00', mi = '00', s = '00'] = time.split(':');
  const t = `${date.replace(/-/g, '')}T${h}${mi}${s === '00' ? '' : s}`;
  return `t=${t}&s=${kopecksToRubles(fields.sum)}&fn=${fields.fn}&i=${fields.i}&fp=${fields.fp}&n=${fields.n}`;
}
