import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import vectors from '../../../../reference/identifier-vectors.json' with { type: 'json' };
import { checkIdCommand } from './check-id.ts';

async function run(args: string[], stdinText = '') {
  let stdout = '';
  let stderr = '';
  const code = await checkIdCommand(args, {
    stdin: Readable.from([stdinText]),
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  });
  return { code, stdout, stderr };
}

describe('remed check-id', () => {
  it.each([
    ['inn', '7707083893', []],
    ['ogrn', '1027700132195', []],
    ['kpp', '773601001', []],
    ['bik', '044525225', []],
    ['snils', '112-233-445 95', []],
    ['phone', '+7 (916) 123-45-67', []],
    ['account', '40702810938000012345', ['--bik', '044525225']],
    ['corr-account', '30101810400000000225', ['--bik', '044525225']],
  ])('%s %s is valid', async (kind, value, extra) => {
    expect(await run([kind, value, ...extra])).toEqual({ code: 0, stdout: 'valid\n', stderr: '' });
  });

  it.each([
    ['inn', '7707083890', [], 'Неверное контрольное число ИНН'],
    ['ogrn', '1022500001328', [], 'Неверное контрольное число ОГРН'],
    ['kpp', '7736ab001', [], 'Буквы в КПП должны быть заглавными латинскими'],
    ['bik', '54525225', [], 'БИК должен состоять из 9 цифр'],
    ['snils', '148-481-255 00', [], 'Неверное контрольное число СНИЛС'],
    ['phone', '123', [], 'Неверный номер телефона: нужен российский номер, например +7 900 123-45-67'],
    [
      'account',
      '40702810938000012346',
      ['--bik', '044525225'],
      'Неверный контрольный ключ расчётного счёта: проверьте счёт и БИК',
    ],
    [
      'corr-account',
      '30101810400000000225',
      ['--bik=044525974'],
      'Последние 3 цифры корреспондентского счёта должны совпадать с последними 3 цифрами БИК',
    ],
  ])('%s %s is invalid', async (kind, value, extra, reason) => {
    expect(await run([kind, value, ...extra])).toEqual({
      code: 1,
      stdout: `invalid: ${reason}\n`,
      stderr: '',
    });
  });

  it('checks stdin line by line with «-» and exits 0', async () => {
    const r = await run(['inn', '-'], '7707083893\r\n7707083890\n\n500100732259\n');
    expect(r).toEqual({
      code: 0,
      stdout: 'valid\ninvalid: Неверное контрольное число ИНН\ninvalid: ИНН не указан\nvalid\n',
      stderr: '',
    });
  });

  it('reads accounts from stdin against one БИК', async () => {
    const r = await run(['account', '-', '--bik', '044525974'], '40702810810000117040\n40802810500007432200');
    expect(r.stdout).toBe('valid\nvalid\n');
  });

  describe('every vector of identifier-vectors.json, one per stdin line', () => {
    const lines = (valid: string[], invalid: string[]) => ({
      input: `${[...valid, ...invalid].join('\n')}\n`,
      expected: [...valid.map(() => 'valid'), ...invalid.map(() => expect.stringMatching(/^invalid: \S/))],
    });
    const v = vectors;
    it.each([
      ['inn', [], lines(v.inn.valid, [...v.inn.invalid_checksum, ...v.inn.invalid_format])],
      ['ogrn', [], lines([...v.ogrn.valid_13, ...v.ogrn.valid_15_ogrnip], v.ogrn.invalid)],
      ['kpp', [], lines(v.kpp.valid, v.kpp.invalid)],
      [
        'snils',
        [],
        lines([...v.snils.valid, ...v.snils.checksum_not_defined_le_001001998], v.snils.invalid_checksum),
      ],
      [
        'bik',
        [],
        lines(
          v.bik_corr.map((b) => b.bik),
          [],
        ),
      ],
      [
        'phone',
        [],
        lines(
          v.phone.map((p) => p.in),
          [],
        ),
      ],
    ])('%s', async (kind, extra, { input, expected }) => {
      const r = await run([kind, '-', ...extra], input);
      expect(r.code).toBe(0);
      expect(r.stdout.trimEnd().split('\n')).toEqual(expected);
    });
    it.each(v.bik_corr)('corr-account of $bank', async ({ bik, corr }) =>
      expect(await run(['corr-account', corr, '--bik', bik])).toMatchObject({ code: 0, stdout: 'valid\n' }),
    );
    it.each(v.settlement_account.valid)('account at БИК %s: %s is valid', async (bik, account) =>
      expect(await run(['account', account, '--bik', bik])).toMatchObject({ code: 0, stdout: 'valid\n' }),
    );
    it.each(v.settlement_account.invalid)('account at БИК %s: %s is invalid', async (bik, account) =>
      expect(await run(['account', account, '--bik', bik])).toMatchObject({
        code: 1,
        stdout: 'invalid: Неверный контрольный ключ расчётного счёта: проверьте счёт и БИК\n',
      }),
    );
    it('the Bank of Russia worked examples', async () => {
      const { corr_at_rkc: rkc, client } = v.cbr_official_examples;
      expect((await run(['account', rkc.account, '--bik', rkc.rkc_bik])).stdout).toBe('valid\n');
      expect((await run(['account', client.account, '--bik', client.bik])).stdout).toBe('valid\n');
    });
  });

  it.each([
    [[], 'Укажите вид реквизита'],
    [['passport', '4510 123456'], 'Неизвестный вид реквизита: passport'],
    [['inn'], 'Укажите одно значение'],
    [['inn', '1', '2'], 'Укажите одно значение'],
    [['account', '40702810938000012345'], 'укажите --bik'],
    [['corr-account', '30101810400000000225'], 'укажите --bik'],
    [['inn', '7707083893', '--verbose'], 'Неверные параметры'],
  ])('exits 2 on %j', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('runs as a command of the remed binary', { timeout: 60_000 }, () => {
    const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/remed.js');
    const remed = (value: string) =>
      spawnSync(process.execPath, [bin, 'check-id', 'inn', value], { encoding: 'utf8', timeout: 60_000 });
    const good = remed('7707083893');
    expect([good.status, good.stdout]).toEqual([0, 'valid\n']);
    const bad = remed('7707083890');
    expect([bad.status, bad.stdout]).toEqual([1, 'invalid: Неверное контрольное число ИНН\n']);
  });
});
