import crypto from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '@remed/core';

// No 0/o, 1/l/i: the codes are read off paper and typed by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes of ten characters (about 49 bits each), shown as «xxxxx-xxxxx». */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Case, spaces and dashes do not matter when a code is typed back. */
function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]+/g, '');
}

export function hashRecoveryCode(code: string, salt: string): string {
  return crypto
    .createHash('sha256')
    .update(`${salt}:${normalizeRecoveryCode(code)}`)
    .digest('hex');
}

export function recoveryCodeMatches(input: string, salt: string, codeHash: string): boolean {
  const a = Buffer.from(hashRecoveryCode(input, salt), 'hex');
  const b = Buffer.from(codeHash, 'hex');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function looksLikeRecoveryCode(input: string): boolean {
  const n = normalizeRecoveryCode(input);
  return n.length === 10 && [...n].every((c) => ALPHABET.includes(c));
}
