import { describe, expect, it } from 'vitest';
import { ERRORS, type ErrorCode, errorMessage, errorStatus, isErrorCode } from './errors.ts';

describe('the error table', () => {
  it.each(Object.keys(ERRORS) as ErrorCode[])('%s has an HTTP error status and a Russian message', (code) => {
    const status = errorStatus(code);
    expect(Number.isInteger(status) && status >= 400 && status <= 599).toBe(true);
    expect(errorMessage(code)).toMatch(/^[А-ЯЁ]/);
    expect(errorMessage(code)).toMatch(/[а-яё]{3}/);
  });

  it('reads a code it does not know, or a name every object has, as an internal error', () => {
    for (const code of ['NETWORK', 'toString', '__proto__', 'constructor', ''])
      expect([isErrorCode(code), errorMessage(code)]).toEqual([false, ERRORS.INTERNAL.message]);
    expect(isErrorCode('PAYLOAD_TOO_LARGE')).toBe(true);
    expect(isErrorCode(413)).toBe(false);
  });
});
