import { compact, fail, type IdentifierResult, identifierSchema, isDigits, ok, remainder } from './result.ts';

/**
 * ОГРН (13 digits, legal entity, starts with 1 or 5) or ОГРНИП (15 digits, sole trader, starts with 3).
 * Other first digits belong to registry record numbers (ГРН), which are not an organisation's ОГРН.
 */
export function validateOgrn(input: string): IdentifierResult {
  const s = compact(input);
  if (s === '') return fail('ОГРН не указан');
  if (!isDigits(s)) return fail('ОГРН должен содержать только цифры');
  if (s.length === 13) {
    if (s[0] !== '1' && s[0] !== '5') return fail('ОГРН юридического лица должен начинаться с 1 или 5');
    const valid = String(remainder(s.slice(0, 12), 11) % 10) === s[12];
    return valid ? ok(s) : fail('Неверное контрольное число ОГРН');
  }
  if (s.length === 15) {
    if (s[0] !== '3') return fail('ОГРНИП должен начинаться с 3');
    const valid = String(remainder(s.slice(0, 14), 13) % 10) === s[14];
    return valid ? ok(s) : fail('Неверное контрольное число ОГРНИП');
  }
  return fail('ОГРН должен состоять из 13 цифр, ОГРНИП — из 15 цифр');
}

export const ogrnSchema = identifierSchema(validateOgrn);
