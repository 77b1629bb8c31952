import { normalizeRuPhone } from '../phone.ts';

/** Columns of the insured list template, in template order. */
export const INSURED_COLUMNS = [
  { key: 'policyNumber', title: 'Номер полиса', required: true, example: 'ДМС-0012345' },
  { key: 'lastName', title: 'Фамилия', required: true, example: 'Иванова' },
  { key: 'firstName', title: 'Имя', required: true, example: 'Мария' },
  { key: 'middleName', title: 'Отчество', required: false, example: 'Петровна' },
  { key: 'birthDate', title: 'Дата рождения', required: true, example: '14.03.1985' },
  { key: 'sex', title: 'Пол', required: true, example: 'Ж' },
  { key: 'phone', title: 'Телефон', required: false, example: '+7 916 123-45-67' },
  { key: 'email', title: 'E-mail', required: false, example: 'ivanova@example.ru' },
  { key: 'validFrom', title: 'Дата начала', required: true, example: '01.01.2026' },
  { key: 'validTo', title: 'Дата окончания', required: true, example: '31.12.2026' },
] as const;

export type InsuredColumnKey = (typeof INSURED_COLUMNS)[number]['key'];

export interface InsuredRow {
  policyNumber: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
  sex: 'male' | 'female';
  phone: string | null;
  email: string | null;
  validFrom: string;
  validTo: string;
}

export type RowIssue = { column: string; problem: string };

const NAME = /^[А-ЯЁа-яёA-Za-z][А-ЯЁа-яёA-Za-z' -]{0,59}$/;
const POLICY = /^[0-9A-Za-zА-ЯЁа-яё][0-9A-Za-zА-ЯЁа-яё/.-]{2,39}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** Accepts ДД.ММ.ГГГГ, ГГГГ-ММ-ДД and spreadsheet dates (passed in as ISO strings); returns ISO or null. */
export function parseRuDate(value: string): string | null {
  const v = value.trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(v);
  const parts = ru ? [ru[3], ru[2], ru[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return null;
  const [y, m, d] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const titleOf = (key: InsuredColumnKey) => INSURED_COLUMNS.find((c) => c.key === key)!.title;

/** Validates one row of an insured list; `today` is an ISO date passed in (core reads no clock). */
export function validateInsuredRow(
  raw: Partial<Record<InsuredColumnKey, string>>,
  today: string,
): { ok: true; row: InsuredRow } | { ok: false; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const get = (k: InsuredColumnKey) => (raw[k] ?? '').trim();
  const bad = (k: InsuredColumnKey, problem: string) => issues.push({ column: titleOf(k), problem });

  for (const c of INSURED_COLUMNS) if (c.required && !get(c.key)) bad(c.key, 'не заполнено');

  const policyNumber = get('policyNumber');
  if (policyNumber && !POLICY.test(policyNumber))
    bad('policyNumber', 'допустимы буквы, цифры, «-», «/», «.»; от 3 до 40 знаков');
  for (const k of ['lastName', 'firstName', 'middleName'] as const) {
    const v = get(k);
    if (v && !NAME.test(v)) bad(k, 'допустимы только буквы, дефис и пробел');
  }
  const birthRaw = get('birthDate');
  const birthDate = birthRaw ? parseRuDate(birthRaw) : null;
  if (birthRaw && !birthDate) bad('birthDate', `«${birthRaw}» — не дата; нужен формат ДД.ММ.ГГГГ`);
  else if (birthDate && (birthDate > today || birthDate < '1900-01-01'))
    bad('birthDate', 'дата рождения вне допустимого диапазона');

  const sexRaw = get('sex').toLowerCase();
  const sex = ['м', 'муж', 'мужской', 'm'].includes(sexRaw)
    ? 'male'
    : ['ж', 'жен', 'женский', 'f'].includes(sexRaw)
      ? 'female'
      : null;
  if (sexRaw && !sex) bad('sex', 'укажите «М» или «Ж»');

  const phoneRaw = get('phone');
  const phone = phoneRaw ? normalizeRuPhone(phoneRaw) : null;
  if (phoneRaw && !phone) bad('phone', `«${phoneRaw}» — не российский номер телефона`);
  const email = get('email').toLowerCase() || null;
  if (email && !EMAIL.test(email)) bad('email', `«${email}» — неверный адрес электронной почты`);

  const fromRaw = get('validFrom');
  const toRaw = get('validTo');
  const validFrom = fromRaw ? parseRuDate(fromRaw) : null;
  const validTo = toRaw ? parseRuDate(toRaw) : null;
  if (fromRaw && !validFrom) bad('validFrom', `«${fromRaw}» — не дата; нужен формат ДД.ММ.ГГГГ`);
  if (toRaw && !validTo) bad('validTo', `«${toRaw}» — не дата; нужен формат ДД.ММ.ГГГГ`);
  if (validFrom && validTo && validTo < validFrom) bad('validTo', 'дата окончания раньше даты начала');

  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    row: {
      policyNumber,
      lastName: get('lastName'),
      firstName: get('firstName'),
      middleName: get('middleName') || null,
      birthDate: birthDate!,
      sex: sex!,
      phone,
      email,
      validFrom: validFrom!,
      validTo: validTo!,
    },
  };
}

/** Maps header cells to column keys by title (case, ё/е and spaces ignored); reports missing required ones. */
export function mapInsuredHeader(
  header: readonly string[],
): { ok: true; index: Partial<Record<InsuredColumnKey, number>> } | { ok: false; missing: string[] } {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/ё/g, 'е')
      .replace(/[\s*]+/g, ' ')
      .trim();
  const index: Partial<Record<InsuredColumnKey, number>> = {};
  header.forEach((h, i) => {
    const c = INSURED_COLUMNS.find((col) => norm(col.title) === norm(h));
    if (c && index[c.key] === undefined) index[c.key] = i;
  });
  const missing = INSURED_COLUMNS.filter((c) => c.required && index[c.key] === undefined).map((c) => c.title);
  return missing.length ? { ok: false, missing } : { ok: true, index };
}
