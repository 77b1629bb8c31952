import { describe, expect, it } from 'vitest';
import vectors from '../../../../reference/identifier-vectors.json' with { type: 'json' };
import {
  accountControlKey,
  bankDetailsSchema,
  bikSchema,
  innSchema,
  validateBik,
  validateCorrespondentAccount,
  validateInn,
  validateKpp,
  validateOgrn,
  validatePhone,
  validateSettlementAccount,
  validateSnils,
} from './index.ts';
import type { IdentifierResult } from './result.ts';

const reasonOf = (r: IdentifierResult) => (r.ok ? null : r.reason);

// The assertions the cases below share, one per outcome of a validator.
type Validate = (value: string) => IdentifierResult;
const accepts = (validate: Validate) => (v: string) => expect(validate(v)).toEqual({ ok: true, value: v });
const rejects = (validate: Validate) => (v: string) => expect(validate(v).ok).toBe(false);
const refusesWith = (validate: Validate) => (v: string, reason: string) =>
  expect(reasonOf(validate(v))).toBe(reason);

describe('identifier vectors file', () => {
  it('has no section this suite does not account for', () => {
    // qr* belong to receipts/, and oms_enp has no verified checksum yet; a new section must be covered here.
    const elsewhere = ['qr', 'qr_reconstructed_from_receipt_json', 'oms_enp'];
    const covered = [
      'inn',
      'ogrn',
      'snils',
      'kpp',
      'bik_corr',
      'settlement_account',
      'cbr_official_examples',
      'phone',
    ];
    expect(Object.keys(vectors).sort()).toEqual([...covered, ...elsewhere].sort());
  });
});

describe('ИНН', () => {
  it.each(vectors.inn.valid)('accepts %s', accepts(validateInn));
  it.each(vectors.inn.invalid_checksum)('rejects the check digits of %s', (v) =>
    expect(reasonOf(validateInn(v))).toBe('Неверное контрольное число ИНН'),
  );
  it.each(vectors.inn.invalid_format)('rejects the format of «%s»', rejects(validateInn));
  it.each([
    [' 7707 083 893 ', { ok: true, value: '7707083893' }],
    ['', { ok: false, reason: 'ИНН не указан' }],
    ['   ', { ok: false, reason: 'ИНН не указан' }],
    ['77O7083893', { ok: false, reason: 'ИНН должен содержать только цифры' }],
    ['7707-083893', { ok: false, reason: 'ИНН должен содержать только цифры' }],
    ['7707083893000', { ok: false, reason: 'ИНН должен состоять из 10 или 12 цифр' }],
  ])('«%s» → %o', (v, expected) => expect(validateInn(v)).toEqual(expected));
});

describe('ОГРН and ОГРНИП', () => {
  it.each([...vectors.ogrn.valid_13, ...vectors.ogrn.valid_15_ogrnip])('accepts %s', accepts(validateOgrn));
  it.each(vectors.ogrn.invalid)('rejects %s', rejects(validateOgrn));
  it.each([
    ['985768585948944', 'ОГРНИП должен начинаться с 3'],
    ['0022500001325', 'ОГРН юридического лица должен начинаться с 1 или 5'],
    ['1022500001328', 'Неверное контрольное число ОГРН'],
    ['385768585948948', 'Неверное контрольное число ОГРНИП'],
    ['', 'ОГРН не указан'],
    ['10277001321951', 'ОГРН должен состоять из 13 цифр, ОГРНИП — из 15 цифр'],
    ['1027700I32195', 'ОГРН должен содержать только цифры'],
  ])('«%s» → %s', refusesWith(validateOgrn));
});

describe('СНИЛС', () => {
  it.each(vectors.snils.valid)('accepts %s', (v) =>
    expect(validateSnils(v)).toEqual({ ok: true, value: v.replace(/\D/g, '') }),
  );
  it.each(vectors.snils.invalid_checksum)('rejects the check number of %s', (v) =>
    expect(reasonOf(validateSnils(v))).toBe('Неверное контрольное число СНИЛС'),
  );
  it.each(vectors.snils.checksum_not_defined_le_001001998)('does not verify the check number of %s', (v) =>
    expect(validateSnils(v).ok).toBe(true),
  );
  it.each([
    ['112 233 445 95', true],
    ['112-233-44595', true],
    ['001-001-999 00', false],
    ['', false],
    ['112-233-445 9', false],
    ['112-233-445 955', false],
    ['112-233-44A 95', false],
  ])('«%s» valid: %s', (v, valid) => expect(validateSnils(v).ok).toBe(valid));
});

describe('КПП', () => {
  it.each(vectors.kpp.valid)('accepts %s', accepts(validateKpp));
  it.each(vectors.kpp.invalid)('rejects %s', rejects(validateKpp));
  it.each([
    ['7736ab001', 'Буквы в КПП должны быть заглавными латинскими'],
    ['7736АВ001', 'В КПП первые 4 и последние 3 знака — цифры, 5-й и 6-й — цифры или латинские буквы'],
    ['', 'КПП не указан'],
    ['77360100', 'КПП должен состоять из 9 символов'],
  ])('«%s» → %s', refusesWith(validateKpp));
});

describe('БИК and correspondent account', () => {
  it.each(vectors.bik_corr)('$bank: БИК $bik, к/с $corr', ({ bik, corr }) => {
    expect(validateBik(bik)).toEqual({ ok: true, value: bik });
    expect(validateCorrespondentAccount(corr, bik)).toEqual({ ok: true, value: corr });
  });
  it.each([
    ['', 'БИК не указан'],
    ['04452522', 'БИК должен состоять из 9 цифр'],
    ['0445252250', 'БИК должен состоять из 9 цифр'],
    ['04452522A', 'БИК должен состоять из 9 цифр'],
    ['054525225', 'БИК российского банка начинается с 04'],
  ])('БИК «%s» → %s', refusesWith(validateBik));
  it.each([
    [
      '30101810400000000226',
      'Последние 3 цифры корреспондентского счёта должны совпадать с последними 3 цифрами БИК',
    ],
    ['30101810500000000225', 'Неверный контрольный ключ корреспондентского счёта'],
    ['40702810400000000225', 'Корреспондентский счёт должен начинаться с 30101'],
    ['3010181040000000022', 'Корреспондентский счёт должен состоять из 20 цифр'],
  ])(
    'к/с «%s» at Сбербанк → %s',
    refusesWith((v) => validateCorrespondentAccount(v, '044525225')),
  );
  it('rejects a correspondent account of another bank', () =>
    expect(validateCorrespondentAccount('30101810400000000225', '044525974').ok).toBe(false));
});

describe('settlement account', () => {
  it.each(vectors.settlement_account.valid)('БИК %s, р/с %s is valid', (bik, account) =>
    expect(validateSettlementAccount(account, bik)).toEqual({ ok: true, value: account }),
  );
  it.each(vectors.settlement_account.invalid)('БИК %s, р/с %s is invalid', (bik, account) =>
    expect(reasonOf(validateSettlementAccount(account, bik))).toBe(
      'Неверный контрольный ключ расчётного счёта: проверьте счёт и БИК',
    ),
  );
  it.each([
    ['4070 2810 9380 0001 2345', '044525225', true],
    ['40702810938000012345', '044525974', false],
    ['', '044525225', false],
    ['407028109380000123450', '044525225', false],
    ['40702810938000012345', '', false],
  ])('«%s» at БИК «%s» valid: %s', (account, bik, valid) =>
    expect(validateSettlementAccount(account, bik).ok).toBe(valid),
  );
});

describe('Bank of Russia worked examples', () => {
  const { corr_at_rkc: rkc, client } = vectors.cbr_official_examples;
  it.each([rkc, client])('key of $account with prefix $prefix is $key', ({ prefix, account, key }) => {
    expect(accountControlKey(prefix, account)).toBe(key);
    expect(account[8]).toBe(String(key));
  });
  it('keys an account at a Bank of Russia unit by «0» + БИК digits 5–6', () =>
    expect(validateSettlementAccount(rkc.account, rkc.rkc_bik).ok).toBe(true));
  it('keys an account at a bank by the last 3 digits of its БИК', () =>
    expect(validateSettlementAccount(client.account, client.bik).ok).toBe(true));
});

describe('phone', () => {
  it.each(vectors.phone)('$in → $e164', ({ in: input, e164 }) =>
    expect(validatePhone(input)).toEqual({ ok: true, value: e164 }),
  );
  it.each(['', '123', '+1 212 555 0100', '+7 916 123-45-6'])('rejects «%s»', rejects(validatePhone));
});

describe('zod schemas', () => {
  it('yield the normalised value', () => expect(innSchema.parse(' 7707083893 ')).toBe('7707083893'));
  it('report the Russian reason as the issue message', () => {
    const r = bikSchema.safeParse('12345');
    expect(r.success ? null : r.error.issues.map((i) => i.message)).toEqual([
      'БИК должен состоять из 9 цифр',
    ]);
  });
  it('check both accounts against the БИК and point at the wrong field', () => {
    const good = {
      bik: '044525225',
      settlementAccount: '40702810938000012345',
      correspondentAccount: '30101810400000000225',
    };
    expect(bankDetailsSchema.parse(good)).toEqual(good);
    const r = bankDetailsSchema.safeParse({ ...good, settlementAccount: '40702810938000012346' });
    expect(r.success ? null : r.error.issues.map((i) => i.path)).toEqual([['settlementAccount']]);
  });
});
