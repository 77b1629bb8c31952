import { z } from 'zod';
import { bikSchema, validateBik } from './bik.ts';
import { compact, fail, type IdentifierResult, isDigits, ok, weightedSum } from './result.ts';

/** Bank of Russia weights for the 23-digit string «3-digit prefix + 20-digit account». */
const WEIGHTS = Array.from({ length: 23 }, (_, i) => [7, 1, 3][i % 3]!);

/** The control key (9th digit of the account) that the Bank of Russia algorithm expects for this prefix. */
export function accountControlKey(prefix: string, account: string): number {
  const zeroed = `${prefix}${account.slice(0, 8)}0${account.slice(9)}`;
  return ((weightedSum(zeroed, WEIGHTS) % 10) * 3) % 10;
}

/** Bank of Russia units (БИК ending in 000) key their accounts by «0» + БИК digits 5–6, banks by the last 3. */
const settlementPrefix = (bik: string) => (bik.endsWith('000') ? `0${bik.slice(4, 6)}` : bik.slice(6));

function parseAccount(input: string, name: string): IdentifierResult {
  const s = compact(input);
  if (s === '') return fail(`${name} не указан`);
  if (!isDigits(s) || s.length !== 20) return fail(`${name} должен состоять из 20 цифр`);
  return ok(s);
}

/** Расчётный счёт at the bank identified by `bik`. */
export function validateSettlementAccount(account: string, bik: string): IdentifierResult {
  const b = validateBik(bik);
  if (!b.ok) return b;
  const a = parseAccount(account, 'Расчётный счёт');
  if (!a.ok) return a;
  return accountControlKey(settlementPrefix(b.value), a.value) === Number(a.value[8])
    ? a
    : fail('Неверный контрольный ключ расчётного счёта: проверьте счёт и БИК');
}

/** Корреспондентский счёт of the bank identified by `bik`, held at the Bank of Russia. */
export function validateCorrespondentAccount(account: string, bik: string): IdentifierResult {
  const b = validateBik(bik);
  if (!b.ok) return b;
  const a = parseAccount(account, 'Корреспондентский счёт');
  if (!a.ok) return a;
  if (!a.value.startsWith('30101')) return fail('Корреспондентский счёт должен начинаться с 30101');
  if (a.value.slice(17) !== b.value.slice(6)) {
    return fail('Последние 3 цифры корреспондентского счёта должны совпадать с последними 3 цифрами БИК');
  }
  return accountControlKey(`0${b.value.slice(4, 6)}`, a.value) === Number(a.value[8])
    ? a
    : fail('Неверный контрольный ключ корреспондентского счёта');
}

/** Bank requisites checked together, since both accounts are keyed by the БИК; issues point at the account field. */
export const bankDetailsSchema = z
  .object({ bik: bikSchema, settlementAccount: z.string(), correspondentAccount: z.string() })
  .transform((v, ctx) => {
    const settlement = validateSettlementAccount(v.settlementAccount, v.bik);
    const correspondent = validateCorrespondentAccount(v.correspondentAccount, v.bik);
    if (!settlement.ok)
      ctx.addIssue({ code: 'custom', message: settlement.reason, path: ['settlementAccount'] });
    if (!correspondent.ok) {
      ctx.addIssue({ code: 'custom', message: correspondent.reason, path: ['correspondentAccount'] });
    }
    if (!settlement.ok || !correspondent.ok) return z.NEVER;
    return { bik: v.bik, settlementAccount: settlement.value, correspondentAccount: correspondent.value };
  });
