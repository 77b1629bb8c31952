import { serviceSearchQuery } from '@remed/core';
import { describe, expect, it } from 'vitest';
import { requiredWordPatterns } from './search-patterns.ts';

describe('requiredWordPatterns', () => {
  it.each([
    ['печен', ['%печен%']],
    ['\\mузи\\M', ['% узи %']],
    ['\\mуз\\M', ['% уз %']],
    ['\\mад', ['% ад%']],
    ['магнитно[- ]?резонанс', ['%магнитно%', '%резонанс%']],
    ['клиническ[а-я]* анализ[а-я]* кров', ['%клиническ%', '% анализ%', '% кров%']],
    ['общ[а-я]* [(]?(клиническ[а-я]*[)]? )?анализ[а-я]* кров', ['%общ%', '%анализ%', '% кров%']],
    ['анализ[а-я]* кров[а-я]* [(]?(общ|клиническ)', ['%анализ%', '% кров%']],
    ['[cс][- ]реактивн', ['%реактивн%']],
    ['\\mр-граф', ['% р граф%']],
    ['\\mэхо[- ]кг\\M', ['% эхо%', '%кг %']],
    ['компьютерн[а-я]* томограф', ['%компьютерн%', '% томограф%']],
  ])('%s → %j', (re, patterns) => {
    expect(requiredWordPatterns(re)).toEqual(patterns);
  });

  it('drops optional characters and whatever it cannot be sure of', () => {
    expect(requiredWordPatterns('приемы?')).toEqual(['%прием%']);
    expect(requiredWordPatterns('ab+c.def')).toEqual(['%def%']);
    expect(requiredWordPatterns('x{2}yz')).toEqual([]);
    expect(requiredWordPatterns('\\.экг')).toEqual(['%экг%']);
  });

  it('gives nothing for an alternation at the top or runs too short for a trigram', () => {
    expect(requiredWordPatterns('узи|ультразвук')).toEqual([]);
    expect(requiredWordPatterns('уз')).toEqual([]);
    expect(requiredWordPatterns('[а-я]+')).toEqual([]);
  });

  it('is never stricter than the expression for the words doctors type', () => {
    const names = [
      'Ультразвуковое исследование (УЗИ) печени',
      'УЗ-исследование печени',
      'Общий (клинический) анализ крови развернутый',
      'Клинический анализ крови с лейкоформулой',
      'Анализ крови общий (клинический)',
      'С-реактивный белок (СРБ)',
      'R-графия органов грудной клетки',
      'Эхо-КГ',
      'Прием (осмотр, консультация) врача-терапевта повторный',
    ];
    const words = (name: string) =>
      ` ${name
        .toLowerCase()
        .replace(/ё/g, 'е')
        .replace(/[^a-zа-я0-9]+/g, ' ')} `.replace(/\s+/g, ' ');
    const like = (pattern: string, text: string) => text.includes(pattern.slice(1, -1));
    const js = (re: string) =>
      new RegExp(re.replace(/\\m/g, '(?<![а-яa-z0-9])').replace(/\\M/g, '(?![а-яa-z0-9])'));
    for (const typed of [
      'узи печени',
      'уз печени',
      'ОАК',
      'СРБ',
      'рентген грудной',
      'эхокг',
      'терапевт повторный',
    ])
      for (const group of serviceSearchQuery(typed).terms)
        for (const re of group)
          for (const name of names)
            if (js(re).test(name.toLowerCase().replace(/ё/g, 'е')))
              for (const p of requiredWordPatterns(re))
                expect(like(p, words(name)), `${re} ${p} ${name}`).toBe(true);
  });
});
