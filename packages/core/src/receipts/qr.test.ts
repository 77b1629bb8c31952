import { describe, expect, it } from 'vitest';
import { formatQr, parseQr } from './qr.ts';

const VALUE = {
  dateTime: '2019-10-05T15:48:00',
  sum: 112700,
  fn: '9282000100254567',
  i: 11401,
  fp: 371532793,
  n: 1,
  ambiguousSum: false,
};

describe('parseQr: variants', () => {
  it.each([
    ['canonical', 't=20191005T1548&s=1127.00&fn=9282000100254567&i=11401&fp=371532793&n=1'],
    ['keys in any order', 'n=1&fp=371532793&i=11401&fn=9282000100254567&s=1127.00&t=20191005T1548'],
    ['lower-case t separator', 't=20191005t1548&s=1127.00&fn=9282000100254567&i=11401&fp=371532793&n=1'],
    ['with seconds', 't=20191005T154800&s=1127.00&fn=9282000100254567&i=11401&fp=371532793&n=1'],
    ['zero-padded fp', 't=20191005T1548&s=1127.00&fn=9282000100254567&i=11401&fp=0371532793&n=1'],
    ['one decimal', 't=20191005T1548&s=1127.0&fn=9282000100254567&i=11401&fp=371532793&n=1'],
    ['upper-case keys', 'T=20191005T1548&S=1127.00&FN=9282000100254567&I=11401&FP=371532793&N=1'],
    ['surrounding spaces', '  t=20191005T1548&s=1127.00&fn=9282000100254567&i=11401&fp=371532793&n=1\n'],
    [
      'wrapped in a URL',
      'https://check.ofd.ru/rec?t=20191005T1548&s=1127.00&fn=9282000100254567&i=11401&fp=371532793&n=1#x',
    ],
  ])('%s', (_title, qr) => {
    const r = parseQr(qr);
    expect(r).toMatchObject({ ok: true, value: VALUE });
  });

  it('keeps the seconds', () => {
    const r = parseQr('t=20191005T154830&s=1127.00&fn=9282000100254567&i=11401&fp=371532793&n=1');
    expect(r.ok && r.value.dateTime).toBe('2019-10-05T15:48:30');
  });

  it('flags an integer sum as ambiguous', () => {
    const r = parseQr('t=20240917t1801&s=1285&fn=7281440500751551&i=30526&fp=1168453787&n=1');
    expect(r).toMatchObject({ ok: true, value: { sum: 128500, ambiguousSum: true } });
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['QR_AMBIGUOUS_SUM']);
  });

  it('skips unknown keys with a warning', () => {
    const r = parseQr('t=20191005T1548&s=1127.00&fn=9282000100254567&i=11401&fp=371532793&n=1&x=5');
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['QR_UNKNOWN_KEY']);
  });

  it.each([1, 2, 3, 4])('reads operation type %i', (n) => {
    const r = parseQr(`t=20191005T1548&s=1.00&fn=9282000100254567&i=1&fp=1&n=${n}`);
    expect(r.ok && r.value.n).toBe(n);
  });
});

describe('parseQr: errors name the key', () => {
  const base = 't=20191005T1548&s=1127.00&fn=9282000100254567&i=11401&fp=371532793&n=1';
  const without = (key: string) =>
    base
      .split('&')
      .filter((p) => !p.startsWith(`${key}=`))
      .join('&');
  const replace = (key: string, value: string) =>
    base
      .split('&')
      .map((p) => (p.startsWith(`${key}=`) ? `${key}=${value}` : p))
      .join('&');

  it('rejects an empty string', () => {
    expect(parseQr('  ')).toMatchObject({ ok: false, error: { code: 'QR_EMPTY', field: null } });
  });

  it.each(['t', 's', 'fn', 'i', 'fp', 'n'])('missing %s', (key) => {
    const r = parseQr(without(key));
    expect(r).toMatchObject({ ok: false, error: { code: 'QR_MISSING_KEY', field: key } });
    expect(r.ok ? '' : r.error.message).toMatch(/^В QR-коде нет параметра/);
  });

  it.each([
    ['t', '2019-10-05T15:48'],
    ['t', '20191305T1548'],
    ['t', '20190230T1548'],
    ['t', '20191005T2548'],
    ['t', '20191005'],
    ['s', '1127,00'],
    ['s', '1127.001'],
    ['s', '-5.00'],
    ['fn', '928200010025456'],
    ['fn', '92820001002545670'],
    ['fn', '928200010025456x'],
    ['i', 'abc'],
    ['i', '4294967296'],
    ['fp', '99999999999'],
    ['fp', '12.5'],
    ['n', '0'],
    ['n', '5'],
    ['n', ''],
    ['s', '%E0%A4%A'],
  ])('malformed %s=%s', (key, value) => {
    expect(parseQr(replace(key, value))).toMatchObject({
      ok: false,
      error: { code: 'QR_MALFORMED_VALUE', field: key },
    });
  });

  it('rejects a repeated key', () => {
    expect(parseQr(`${base}&i=5`)).toMatchObject({
      ok: false,
      error: { code: 'QR_DUPLICATE_KEY', field: 'i' },
    });
  });
});

describe('formatQr', () => {
  it('is the inverse of parseQr', () => {
    const { ambiguousSum: _, ...fields } = VALUE;
    const qr = formatQr({ ...fields, n: 1 });
    expect(qr).toBe('t=20191005T1548&s=1127.00&fn=9282000100254567&i=11401&fp=371532793&n=1');
    expect(parseQr(qr)).toMatchObject({ ok: true, value: VALUE });
    const withSeconds = formatQr({ ...fields, n: 2, dateTime: '2026-11-25T10:30:15', sum: 5 });
    expect(withSeconds).toBe('t=20261125T103015&s=0.05&fn=9282000100254567&i=11401&fp=371532793&n=2');
    expect(parseQr(withSeconds)).toMatchObject({
      ok: true,
      value: { dateTime: '2026-11-25T10:30:15', sum: 5, n: 2 },
    });
  });
});
