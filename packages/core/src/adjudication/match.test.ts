import { describe, expect, it } from 'vitest';
import type { FiscalReceiptItem } from '../receipts/fiscal-receipt.ts';
import { readServiceName } from '../services/read-service-name.ts';
import { stem } from '../services/stem.ts';
import type { GuaranteeLetterItem } from './letter.ts';
import { type MatchResult, matchItem, prepareLines, sameCodeFamily } from './match.ts';

const LINES: GuaranteeLetterItem[] = [
  {
    line: 1,
    code: 'B01.047.001',
    clinicCode: '1.01',
    name: 'Прием (осмотр, консультация) врача-терапевта первичный',
    price: 250000,
    quantity: 1,
  },
  {
    line: 2,
    code: 'A04.16.001',
    clinicCode: '3.10',
    name: 'Ультразвуковое исследование органов брюшной полости (комплексное)',
    price: 300000,
    quantity: 1,
  },
  { line: 3, code: null, name: 'Общий (клинический) анализ крови', price: 60000, quantity: 2 },
  { line: 4, name: 'Удаление зуба простое с анестезией', price: 400000, quantity: 1 },
  { line: 5, name: 'УЗИ коленного сустава правого', price: 200000, quantity: 1 },
  { line: 6, name: 'Массаж спины взрослый', price: 150000, quantity: 10 },
  { line: 7, name: 'Рентгенография грудной клетки', price: 120000, quantity: 1 },
];

const item = (name: string, price = 100): FiscalReceiptItem => ({ name, price, quantity: 1, sum: price });
const match = (name: string, price?: number, lines = LINES): MatchResult =>
  matchItem(item(name, price), prepareLines(lines));

describe('matchItem: service identity', () => {
  it.each([
    ['Прием (осмотр, консультация) врача-терапевта первичный', 1],
    ['ПРИЁМ (ОСМОТР, КОНСУЛЬТАЦИЯ) ВРАЧА-ТЕРАПЕВТА ПЕРВИЧНЫЙ', 1],
    ['1.01 Конс. терапевта перв.', 1],
    ['Консультация врача терапевта, первичная', 1],
    ['[B01.047.001] Прием терапевта', 1],
    ['В01.047.001 Приём врача', 1],
    ['УЗИ органов брюшной полости (комплексное)', 2],
    ['«Ультразвуковое исследование» органов брюшной полости комплексное', 2],
    ['Ультразвуковое исследование органов брюшной пол', 2],
    ['Ультразвуковое исследование органов брюшной полости', 2],
    ['Прием (осмотр, консультация) врача-терапевта перв', 1],
    ['Прием (осмотр, консультация) врача-терапевта пе', 1],
    ['A04.16.001 Исследование', 2],
    ['ОАК', 3],
    ['Общий клинический анализ крови', 3],
    ['Анализ крови общий (клинический)', 3],
    ['Удаление зуба простое (с анестезией)', 4],
    ['УЗИ коленного сустава правого', 5],
    ['Массаж спины (взрослые)', 6],
    ['Рентгенография грудной клетки', 7],
  ])('%s → line %i', (name, line) => {
    expect(match(name)).toEqual({ kind: 'matched', line });
  });

  it('sends a side the letter left open to a person', () => {
    const lines = [{ line: 1, name: 'УЗИ коленного сустава', price: 1, quantity: 1 }];
    expect(match('УЗИ коленного сустава левого', 1, lines)).toEqual({ kind: 'near_miss', lines: [1] });
  });
});

describe('matchItem: what must not be paid automatically', () => {
  it.each([
    ['Прием (осмотр, консультация) врача-терапевта повторный', [1]],
    ['Прием врача-терапевта повт.', [1]],
    ['B01.047.002 Прием терапевта', [1]],
    ['B01.047.001 Прием терапевта повторный', [1]],
    ['Прием (осмотр, консультация) врача-терапевта', [1]],
    ['Удаление зуба простое без анестезии', [4]],
    ['Удаление зуба простое', [4]],
    ['УЗИ коленного сустава левого', [5]],
    ['Массаж спины детский', [6]],
    ['Рентгенография грудной клетки в двух проекциях', [7]],
  ])('%s → near miss %j', (name, lines) => {
    expect(match(name)).toEqual({ kind: 'near_miss', lines });
  });

  const lineless = {
    unidentified: [
      'Медицинская услуга',
      'Услуга',
      'Оплата по счёту № 1234 от 12.11.2026',
      'Платные медицинские услуги',
      'Консультация',
      'Прием (осмотр, консультация) вра',
    ],
    not_in_letter: [
      'Бахилы',
      'Медицинская карта',
      'Справка для бассейна',
      'УЗИ щитовидной железы',
      'A04.22.001 УЗИ щитовидной железы',
      'Прием (осмотр, консультация) врача-кардиолога первичный',
    ],
  };
  it.each(Object.entries(lineless).flatMap(([kind, names]) => names.map((name) => [name, kind])))(
    '%s → %s',
    (name, kind) => {
      expect(match(name)).toEqual({ kind });
    },
  );

  it('never lets the price identify a service', () => {
    expect(match('Бахилы', 250000)).toEqual({ kind: 'not_in_letter' });
    expect(match('Медицинская услуга', 300000)).toEqual({ kind: 'unidentified' });
  });
});

describe('matchItem: ties', () => {
  const lines: GuaranteeLetterItem[] = [
    {
      line: 1,
      clinicCode: '1.01',
      name: 'Прием (осмотр, консультация) врача-терапевта первичный',
      price: 250000,
      quantity: 1,
    },
    {
      line: 2,
      clinicCode: '1.02',
      name: 'Прием (осмотр, консультация) врача-терапевта повторный',
      price: 200000,
      quantity: 1,
    },
  ];
  const truncated = 'Прием (осмотр, консультация) врача-терапевта п';

  it('reports an item that fits two lines equally as ambiguous', () => {
    expect(match(truncated, 230000, lines)).toEqual({ kind: 'ambiguous', lines: [1, 2] });
  });

  it('lets the price settle a tie', () => {
    expect(match(truncated, 200000, lines)).toEqual({ kind: 'matched', line: 2 });
  });

  it('lets the clinic price-list code settle a tie', () => {
    expect(match(`1.01 ${truncated}`, 230000, lines)).toEqual({ kind: 'matched', line: 1 });
  });

  it('prefers an exact name to a truncated one', () => {
    expect(match(`${truncated}ервичный`, 200000, lines)).toEqual({ kind: 'matched', line: 1 });
  });
});

describe('name normalisation', () => {
  it('strips codes, clinic prefixes and punctuation and expands abbreviations', () => {
    const n = readServiceName('[A04.16.001] 3.10 УЗИ органов брюшной полости');
    expect(n.codes).toEqual(['A04.16.001']);
    expect(n.clinicCode).toBe('3.10');
    expect(n.text).toBe('ультразвуковое исследование органов брюшной полости');
  });

  it('reads qualifiers', () => {
    expect(readServiceName('Удаление зуба без анестезии').qualifiers).toEqual({
      anaesthesia: 'without',
    });
    expect(readServiceName('Прием педиатра перв., детский').qualifiers).toEqual({
      visit: 'first',
      age: 'child',
    });
    expect(readServiceName('Рентген левой кисти').qualifiers).toEqual({ side: 'left' });
  });

  it('fixes Latin look-alikes inside Cyrillic words', () => {
    expect(readServiceName('Прием тepапевта').text).toBe('прием терапевта');
  });

  it('stems word forms together', () => {
    expect(stem('терапевта')).toBe(stem('терапевт'));
    expect(stem('крови')).toBe(stem('кровь'));
    expect(stem('исследования')).toBe(stem('исследование'));
  });

  it('knows code families', () => {
    expect(sameCodeFamily('B01.047.001', 'B01.047.002')).toBe(true);
    expect(sameCodeFamily('A16.07.002.001', 'A16.07.002.002')).toBe(true);
    expect(sameCodeFamily('A04.16.001', 'A04.22.001')).toBe(false);
    expect(sameCodeFamily('A04.16.001', 'A04.16.002')).toBe(false);
  });
});
