import { normalizeRuPhone } from '../phone.ts';
import { fail, type IdentifierResult, ok } from './result.ts';

/** Russian phone number normalised to +7XXXXXXXXXX; forms use `phoneSchema` from auth.schemas.ts. */
export function validatePhone(input: string): IdentifierResult {
  if (input.trim() === '') return fail('Телефон не указан');
  const phone = normalizeRuPhone(input.trim());
  return phone
    ? ok(phone)
    : fail('Неверный номер телефона: нужен российский номер, например +7 900 123-45-67');
}
