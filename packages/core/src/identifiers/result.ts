import { z } from 'zod';

/** Outcome of checking one identifier: the normalised value, or a reason a clinic accountant can act on. */
export type IdentifierResult = { ok: true; value: string } | { ok: false; reason: string };

export const ok = (value: string): IdentifierResult => ({ ok: true, value });
export const fail = (reason: string): IdentifierResult => ({ ok: false, reason });

/** Drops every kind of whitespace: people paste requisites with spaces and non-breaking spaces between groups. */
export const compact = (input: string): string => input.replace(/\s+/g, '');

export const isDigits = (s: string): boolean => /^\d+$/.test(s);

/** Sum of digit × weight, pairing the digits of `digits` with `weights` from the left. */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * weights[i]!;
  return sum;
}

/** Remainder of a long decimal number, computed digit by digit so that 15-digit numbers stay exact. */
export function remainder(digits: string, modulus: number): number {
  let r = 0;
  for (const d of digits) r = (r * 10 + Number(d)) % modulus;
  return r;
}

/** A string schema that runs a validator, yields the normalised value and reports its reason as the issue. */
export function identifierSchema(validate: (input: string) => IdentifierResult) {
  return z.string().transform((input, ctx) => {
    const r = validate(input);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.reason });
      return z.NEVER;
    }
    return r.value;
  });
}
