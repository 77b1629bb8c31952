import { compact, fail, type IdentifierResult, identifierSchema, isDigits, ok } from './result.ts';

/** БИК of a bank in Russia: 9 digits, country code 04. */
export function validateBik(input: string): IdentifierResult {
  const s = compact(input);
  if (s === '') return fail('БИК не указан');
  if (!isDigits(s) || s.length !== 9) return fail('БИК должен состоять из 9 цифр');
  if (!s.startsWith('04')) return fail('БИК российского банка начинается с 04');
  return ok(s);
}

export const bikSchema = identifierSchema(validateBik);
