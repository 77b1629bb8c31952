import { describe, expect, it } from 'vitest';
import { serviceSearchQuery } from './search-query.ts';

const finds = (typed: string, name: string) => {
  const q = serviceSearchQuery(typed);
  const text = name.toLowerCase().replace(/ё/g, 'е');
  // PostgreSQL's word boundaries \m and \M, for the test only.
  const js = (re: string) =>
    new RegExp(re.replace(/\\m/g, '(?<![а-яa-z0-9])').replace(/\\M/g, '(?![а-яa-z0-9])'));
  return q.terms.length > 0 && q.terms.every((group) => group.some((re) => js(re).test(text)));
};

describe('serviceSearchQuery', () => {
  it.each([
    ['ЭКГ', 'Регистрация электрокардиограммы'],
    ['экг', 'Электрокардиография с расшифровкой'],
    ['УЗИ печени', 'Ультразвуковое исследование печени'],
    ['узи печени', 'УЗИ печени и желчного пузыря'],
    ['ОАК', 'Общий (клинический) анализ крови развернутый'],
    ['ОАК', 'Клинический анализ крови'],
    ['МРТ', 'Магнитно-резонансная томография головного мозга'],
    ['терапевт повторный', 'Прием (осмотр, консультация) врача-терапевта повторный'],
    ['повторный терапевт', 'Прием (осмотр, консультация) врача-терапевта повторный'],
    ['прием кардиолога', 'Консультация врача-кардиолога первичная'],
    ['рентген грудной', 'Рентгенография органов грудной клетки'],
  ])('«%s» finds «%s»', (typed, name) => {
    expect(finds(typed, name)).toBe(true);
  });

  it.each([
    ['ЭКГ', 'Эхокардиография'],
    ['УЗИ печени', 'Ультразвуковое исследование почек'],
    ['терапевт повторный', 'Прием врача-терапевта первичный'],
  ])('«%s» does not find «%s»', (typed, name) => {
    expect(finds(typed, name)).toBe(false);
  });

  it('reads an 804н code or its beginning, also typed with a Cyrillic letter', () => {
    expect(serviceSearchQuery('B01.047.001')).toEqual({ code: 'B01.047.001', terms: [] });
    expect(serviceSearchQuery(' в01.047 ')).toEqual({ code: 'B01.047', terms: [] });
    expect(serviceSearchQuery('A04')).toEqual({ code: 'A04', terms: [] });
  });

  it('keeps regular-expression syntax out of what was typed', () => {
    expect(serviceSearchQuery('.*(терапевт)|[').terms).toEqual([['терапевт']]);
    expect(serviceSearchQuery('')).toEqual({ code: null, terms: [] });
  });
});
