import { describe, expect, it } from 'vitest';
import type { FiscalReceiptItem } from '../receipts/fiscal-receipt.ts';
import type { GuaranteeLetterItem } from './letter.ts';
import { type MatchResult, matchItem, prepareLines } from './match.ts';

// Names as public price lists print them (bench/adjudication/holdout2/SOURCES.md: a laboratory's list,
// a polyclinic's list, a clinic with 804н codes).
const lines = (...names: [string, number][]): GuaranteeLetterItem[] =>
  names.map(([name, price], k) => ({ line: k + 1, code: null, name, price, quantity: 1 }));
const match = (name: string, price: number, letter: GuaranteeLetterItem[]): MatchResult => {
  const item: FiscalReceiptItem = { name, price, quantity: 1, sum: price };
  return matchItem(item, prepareLines(letter));
};
const matchedLine = (line: number): MatchResult => ({ kind: 'matched', line });
const nearMissOnLine1: MatchResult = { kind: 'near_miss', lines: [1] };

describe('matchItem: analyses told apart by a class, a fraction or a load', () => {
  const immunoglobulins = lines(
    ['Иммуноглобулин G', 20000],
    ['Иммуноглобулин А', 20000],
    ['Иммуноглобулин М', 20000],
  );

  it('reads a capital letter after «Иммуноглобулин» as its class, in capitals too', () => {
    expect(match('Иммуноглобулин А', 20000, immunoglobulins)).toEqual(matchedLine(2));
    expect(match('IgM', 20000, immunoglobulins)).toEqual(matchedLine(3));
    expect(match('ИММУНОГЛОБУЛИН Е', 45000, lines(['Иммуноглобулин Е', 45000]))).toEqual(matchedLine(1));
  });

  it('never pays a class-less name against several classes of one price', () => {
    expect(match('Иммуноглобулин', 20000, immunoglobulins)).toEqual({ kind: 'ambiguous', lines: [1, 2, 3] });
  });

  it('takes total, free and direct for different analyses', () => {
    expect(match('Билирубин (прямой)', 10000, lines(['Билирубин (общий)', 10000]))).toEqual(nearMissOnLine1);
    expect(match('Т4 общий', 25000, lines(['Т4 (свободный)', 25000]))).toEqual(nearMissOnLine1);
    expect(match('Т4 свободный', 25000, lines(['Т4 (свободный)', 25000]))).toEqual(matchedLine(1));
    expect(match('ПСА', 30000, lines(['ПСА общий', 28000], ['ПСА свободный', 45000]))).toEqual({
      kind: 'ambiguous',
      lines: [1, 2],
    });
  });

  it('keeps «общий» of a general analysis out of fractions', () => {
    const urine = lines(['Общий анализ мочи с микроскопией осадка (белок, билирубин, глюкоза)', 18000]);
    expect(match('Общий анализ мочи с микроскопией осадка', 18000, urine)).toEqual(matchedLine(1));
  });

  it('takes a test after a load for another test', () => {
    expect(match('Инсулин (с нагрузкой)', 45000, lines(['Инсулин', 45000]))).toEqual(nearMissOnLine1);
  });
});

describe('matchItem: variants apart only by numbers', () => {
  it('sends another age band, count or weight band to a person', () => {
    expect(match('Детский массаж (4–5 лет)', 120000, lines(['Детский массаж (1–3 года)', 90000]))).toEqual(
      nearMissOnLine1,
    );
    expect(match('Папиллома 2 шт', 120000, lines(['Папиллома 1 шт', 160000]))).toEqual(nearMissOnLine1);
    expect(
      match('Массаж спины детский (1–6 лет)', 70000, lines(['Массаж спины (до 120 кг)', 100000])),
    ).toEqual(nearMissOnLine1);
  });

  it('does not take «Т4» at the start of a name for the clinic numbering', () => {
    const thyroid = lines(['ТТГ', 25000], ['Т3 свободный', 25000], ['Т4 свободный', 25000]);
    expect(match('Т4 свободный', 25000, thyroid)).toEqual(matchedLine(3));
    expect(match('Т4 свободный', 25000, thyroid.slice(0, 2))).toEqual({ kind: 'not_in_letter' });
  });
});

describe('matchItem: what a name leaves out', () => {
  it('lets a till drop a long parenthesis that repeats the name', () => {
    const massage = lines([
      'массаж плечевого сустава (верхней трети плеча, области плечевого сустава и надплечья одноименной стороны)',
      131,
    ]);
    expect(match('массаж плечевого сустава', 131, massage)).toEqual(matchedLine(1));
  });

  it('never pays «Забор крови» for one of two ways of taking it at one price', () => {
    const blood = lines(['Забор крови из вены', 41000], ['Забор крови из пальца', 41000]);
    expect(match('Забор крови', 41000, blood)).toEqual({ kind: 'ambiguous', lines: [1, 2] });
  });

  it('reads a room of the clinic as no service', () => {
    const letter = lines(['Приём врача-терапевта первичный', 400000], ['Дерматоскопия', 170000]);
    expect(match('Услуги процедурного кабинета', 50000, letter)).toEqual({ kind: 'unidentified' });
    expect(match('Физиопроцедура', 103000, lines(['Электрофорез', 103000]))).toEqual({
      kind: 'unidentified',
    });
  });

  it('reads a mistyped long analyte and its other abbreviation as the analyte', () => {
    expect(
      match('АЛТ (аланинаминотрансфераза)', 51000, lines(['АЛТ (аланинаминотрансфереза)', 51000])),
    ).toEqual(matchedLine(1));
    expect(match('АлАТ', 12000, lines(['Аланинаминотрансфераза (АЛТ)', 12000]))).toEqual(matchedLine(1));
  });
});
