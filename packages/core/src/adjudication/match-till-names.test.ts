import { describe, expect, it } from 'vitest';
import type { GuaranteeLetterItem } from './letter.ts';
import { type MatchResult, matchItem, prepareLines } from './match.ts';

const letter = (...lines: [string, number?, string?][]): GuaranteeLetterItem[] =>
  lines.map(([name, price = 100000, code], k) => ({
    line: k + 1,
    name,
    price,
    quantity: 1,
    code: code ?? null,
  }));
const match = (name: string, lines: GuaranteeLetterItem[], price = 100000): MatchResult =>
  matchItem({ name, price, quantity: 1, sum: price }, prepareLines(lines));

describe('one service, as tills print it', () => {
  const visit = letter(['Прием (осмотр, консультация) врача-невролога первичный', 180000, 'B01.023.001']);
  it.each([
    'Прием (осмотр, консультация) врача-невролога первичный',
    'ПРИЕМ (ОСМОТР, КОНСУЛЬТАЦИЯ) ВРАЧА-НЕВРОЛОГА ПЕРВИЧНЫЙ',
    'Прием  в-ча  невролога  перв.',
    'Конс. вр. невролога первичная',
    '8.3.9. Прием врача-невролога первичный',
    '03.054 «Прием врача-невролога, первичный»',
    'Первичный прием врача-невролога',
    'Приём (осмотр, консультация) врача-невролога первичн',
    'B01.023.001 Прием невролога',
  ])('%s', (name) => {
    expect(match(name, visit)).toEqual({ kind: 'matched', line: 1 });
  });

  it.each([
    ['ОАК', 'Общий (клинический) анализ крови'],
    ['Клинический анализ крови', 'Общий (клинический) анализ крови'],
    ['ОАМ', 'Общий анализ мочи'],
    ['ЭКГ', 'Регистрация электрокардиограммы'],
    ['Электрокардиография (ЭКГ)', 'Регистрация электрокардиограммы'],
    ['ЭхоКГ', 'Эхокардиография'],
    ['УЗИ печени', 'Ультразвуковое исследование печени'],
    ['МРТ головного мозга', 'Магнитно-резонансная томография головного мозга'],
    ['КТ органов грудной клетки', 'Компьютерная томография органов грудной полости'],
    ['ФГДС', 'Эзофагогастродуоденоскопия'],
    ['СРБ', 'Исследование уровня С-реактивного белка в сыворотке крови'],
    ['Глюкоза', 'Исследование уровня глюкозы в крови'],
    ['Рентгенография органов грудной клетки', 'Рентгенография легких'],
    ['УЗИ органов брюшной полости', 'Ультразвуковое исследование органов брюшной полости (комплексное)'],
  ])('%s is %s', (till, letterName) => {
    expect(match(till, letter([letterName]))).toEqual({ kind: 'matched', line: 1 });
  });
});

describe('variants that make a different service go to a person (near miss)', () => {
  it.each([
    [
      'Прием (осмотр, консультация) врача-детского невролога первичный',
      'Прием (осмотр, консультация) врача-невролога первичный',
    ],
    ['Прием врача-невролога первичный', 'Прием (осмотр, консультация) врача-детского невролога первичный'],
    ['Прием врача-невролога повторный', 'Прием врача-невролога первичный'],
    ['Прием врача-терапевта первичный на дому', 'Прием врача-терапевта первичный'],
    ['Общий анализ крови (cito)', 'Общий (клинический) анализ крови'],
    ['МРТ позвоночника (2 зоны)', 'МРТ позвоночника (1 зона)'],
    ['МРТ позвоночника (2 зоны)', 'Магнитно-резонансная томография позвоночника'],
    ['ФГДС с седацией', 'Эзофагогастродуоденоскопия'],
    ['Эзофагогастродуоденоскопия', 'ФГДС под наркозом'],
    ['Рентгенография левой кисти', 'Рентгенография правой кисти'],
    ['Рентгенография обеих кистей', 'Рентгенография кисти'],
    ['КТ органов брюшной полости с контрастированием', 'КТ органов брюшной полости'],
  ])('%s against «%s»', (till, letterName) => {
    expect(match(till, letter([letterName]))).toEqual({ kind: 'near_miss', lines: [1] });
  });
});

describe('generic names are never paid by the engine', () => {
  const visits = letter(
    ['Прием врача-невролога первичный', 180000],
    ['Прием врача-кардиолога первичный', 200000],
  );

  it('is ambiguous when it fits several lines its price does not tell apart', () => {
    expect(match('Консультация специалиста', visits, 150000)).toEqual({ kind: 'ambiguous', lines: [1, 2] });
    expect(match('Приём врача-специалиста', visits, 150000)).toEqual({ kind: 'ambiguous', lines: [1, 2] });
    expect(match('УЗИ (1 зона)', letter(['УЗИ печени'], ['УЗИ почек']))).toEqual({
      kind: 'ambiguous',
      lines: [1, 2],
    });
  });

  it('is unidentified when one fitting line has its price, or only one line fits', () => {
    expect(match('Консультация специалиста', visits, 200000)).toEqual({ kind: 'unidentified' });
    expect(match('Анализ крови', letter(['Общий (клинический) анализ крови'], ['Прием терапевта']))).toEqual({
      kind: 'unidentified',
    });
  });

  it('is not in the letter when nothing of its kind is', () => {
    expect(match('УЗИ (1 зона)', visits)).toEqual({ kind: 'not_in_letter' });
  });
});

describe('names cut by the till', () => {
  const lines = letter(
    ['Прием (осмотр, консультация) врача-детского невролога первичный'],
    ['Ультразвуковое исследование органов брюшной полости (комплексное)'],
  );

  it('completes a word cut in the middle from the line', () => {
    expect(match('Прием (осмотр, консультация) врача-детского невр', lines)).toEqual({
      kind: 'matched',
      line: 1,
    });
    expect(match('Ультразвуковое исследование органов брюшной пол', lines)).toEqual({
      kind: 'matched',
      line: 2,
    });
  });

  it('does not take a cut that leaves out a qualifier for the same service', () => {
    const adult = letter(['Прием (осмотр, консультация) врача-невролога первичный']);
    expect(match('Прием (осмотр, консультация) врача-детского невр', adult)).toEqual({
      kind: 'near_miss',
      lines: [1],
    });
  });

  it('does not let a code pay for a name of another organ', () => {
    const uzi = letter(['Ультразвуковое исследование печени', 100000, 'A04.14.001']);
    expect(match('A04.14.001 УЗИ почек', uzi)).toEqual({ kind: 'near_miss', lines: [1] });
    expect(match('A04.14.001 Исследование', uzi)).toEqual({ kind: 'matched', line: 1 });
  });
});
