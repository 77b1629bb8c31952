import { fail, type IdentifierResult, identifierSchema, isDigits, ok, weightedSum } from './result.ts';

/** Numbers up to this one were issued before the check digits were introduced, so theirs are not verified. */
const LAST_WITHOUT_CHECKSUM = 1_001_998;

function checkNumber(first9: string): number {
  const sum = weightedSum(first9, [9, 8, 7, 6, 5, 4, 3, 2, 1]);
  if (sum < 100) return sum;
  const r = sum % 101;
  return r === 100 ? 0 : r;
}

/** СНИЛС: 11 digits written in any grouping (123-456-789 01); the value is the bare 11 digits. */
export function validateSnils(input: string): IdentifierResult {
  const s = input.replace(/[\s\-–—]/g, '');
  if (s === '') return fail('СНИЛС не указан');
  if (!isDigits(s) || s.length !== 11) return fail('СНИЛС должен состоять из 11 цифр');
  const first9 = s.slice(0, 9);
  if (Number(first9) <= LAST_WITHOUT_CHECKSUM) return ok(s);
  return checkNumber(first9) === Number(s.slice(9)) ? ok(s) : fail('Неверное контрольное число СНИЛС');
}

export const snilsSchema = identifierSchema(validateSnils);
