import { describe, expect, it } from 'vitest';
import { diffPriceLists, pricePercent } from './diff.ts';

const e = (serviceCode: string, name: string, price: number, clinicCode = '1') => ({
  serviceCode,
  clinicCode,
  name,
  price,
});

describe('a version against the previous one', () => {
  it('finds added, removed, re-priced and renamed services by 804н code', () => {
    const diff = diffPriceLists(
      [
        e('B01.047.001', 'Прием терапевта первичный', 250_000),
        e('B01.047.002', 'Прием терапевта повторный', 210_000),
        e('A04.16.001', 'УЗИ брюшной полости', 340_000),
        e('A06.09.007', 'Рентгенография легких', 190_000),
      ],
      [
        e('B01.047.001', 'Прием терапевта первичный', 275_000),
        e('B01.047.002', 'Прием (осмотр) терапевта повторный', 210_000),
        e('A04.16.001', 'УЗИ органов брюшной полости', 300_000),
        e('A09.05.023', 'Исследование уровня глюкозы в крови', 35_000),
      ],
    );
    expect(diff).toMatchObject({ added: 1, removed: 1, priceChanged: 2, renamed: 2, unchanged: 0 });
    expect(diff.entries).toEqual([
      {
        kind: 'changed',
        serviceCode: 'A04.16.001',
        clinicCode: '1',
        name: 'УЗИ органов брюшной полости',
        oldName: 'УЗИ брюшной полости',
        oldPrice: 340_000,
        newPrice: 300_000,
        percent: -11.8,
        renamed: true,
        priceChanged: true,
      },
      {
        kind: 'removed',
        serviceCode: 'A06.09.007',
        clinicCode: '1',
        name: 'Рентгенография легких',
        oldName: null,
        oldPrice: 190_000,
        newPrice: null,
        percent: null,
        renamed: false,
        priceChanged: false,
      },
      {
        kind: 'added',
        serviceCode: 'A09.05.023',
        clinicCode: '1',
        name: 'Исследование уровня глюкозы в крови',
        oldName: null,
        oldPrice: null,
        newPrice: 35_000,
        percent: null,
        renamed: false,
        priceChanged: false,
      },
      expect.objectContaining({
        serviceCode: 'B01.047.001',
        percent: 10,
        priceChanged: true,
        renamed: false,
      }),
      expect.objectContaining({
        serviceCode: 'B01.047.002',
        percent: null,
        renamed: true,
        oldName: 'Прием терапевта повторный',
      }),
    ]);
  });

  it('counts unchanged services and ignores spacing in names', () => {
    const diff = diffPriceLists(
      [e('B01.047.001', 'Прием  терапевта', 100)],
      [e('B01.047.001', 'Прием терапевта ', 100)],
    );
    expect(diff).toEqual({ added: 0, removed: 0, priceChanged: 0, renamed: 0, unchanged: 1, entries: [] });
  });

  it('treats everything as added against no previous version', () => {
    expect(diffPriceLists([], [e('B01.047.001', 'Прием', 100)])).toMatchObject({ added: 1, unchanged: 0 });
  });

  it('rounds the percent half away from zero to one decimal', () => {
    expect(pricePercent(300, 301)).toBe(0.3);
    expect(pricePercent(2000, 2001)).toBe(0.1);
    expect(pricePercent(2000, 1999)).toBe(-0.1);
    expect(pricePercent(100, 200)).toBe(100);
    expect(pricePercent(250_000, 1)).toBe(-100);
  });
});
