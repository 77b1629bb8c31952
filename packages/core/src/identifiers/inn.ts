import {
  compact,
  fail,
  type IdentifierResult,
  identifierSchema,
  isDigits,
  ok,
  weightedSum,
} from './result.ts';

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12_FIRST = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12_SECOND = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

const checkDigit = (digits: string, weights: readonly number[]) =>
  String((weightedSum(digits, weights) % 11) % 10);

/** ИНН: 10 digits for a legal entity, 12 for an individual (two check digits). */
export function validateInn(input: string): IdentifierResult {
  const s = compact(input);
  if (s === '') return fail('ИНН не указан');
  if (!isDigits(s)) return fail('ИНН должен содержать только цифры');
  if (s.length === 10) return s[9] === checkDigit(s, W10) ? ok(s) : fail('Неверное контрольное число ИНН');
  if (s.length === 12) {
    const valid = s[10] === checkDigit(s, W12_FIRST) && s[11] === checkDigit(s, W12_SECOND);
    return valid ? ok(s) : fail('Неверное контрольное число ИНН');
  }
  return fail('ИНН должен состоять из 10 или 12 цифр');
}

export const innSchema = identifierSchema(validateInn);
