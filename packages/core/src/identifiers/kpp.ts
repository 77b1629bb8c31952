import { compact, fail, type IdentifierResult, identifierSchema, ok } from './result.ts';

/** КПП: tax office code (4 digits), reason code (2 digits or capital Latin letters), serial number (3 digits). */
export function validateKpp(input: string): IdentifierResult {
  const s = compact(input);
  if (s === '') return fail('КПП не указан');
  if (s.length !== 9) return fail('КПП должен состоять из 9 символов');
  if (/^\d{4}[\dA-Z]{2}\d{3}$/.test(s)) return ok(s);
  if (/^\d{4}[\da-zA-Z]{2}\d{3}$/.test(s)) return fail('Буквы в КПП должны быть заглавными латинскими');
  return fail('В КПП первые 4 и последние 3 знака — цифры, 5-й и 6-й — цифры или латинские буквы');
}

export const kppSchema = identifierSchema(validateKpp);
