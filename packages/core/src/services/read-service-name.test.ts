import { describe, expect, it } from 'vitest';
import { readServiceName } from './read-service-name.ts';

const kindAndObject = (name: string) => {
  const n = readServiceName(name);
  return [n.kind, n.object.join(' ')];
};

describe('readServiceName: family (kind and object)', () => {
  it.each([
    // Names as 804н and clinic price lists print them, and as tills shorten them.
    ['Прием (осмотр, консультация) врача-терапевта первичный', 'visit', 'терапевт'],
    ['Прием в-ча терапевта перв.', 'visit', 'терапевт'],
    ['Конс. вр. терапевта повт.', 'visit', 'терапевт'],
    [
      'Осмотр (консультация) врачом-анестезиологом-реаниматологом первичный',
      'visit',
      'анестезиолог реаниматолог',
    ],
    ['Ультразвуковое исследование печени', 'ultrasound', 'печен'],
    ['УЗИ печени', 'ultrasound', 'печен'],
    ['УЗ иссл. печени', 'ultrasound', 'печен'],
    ['Эхокардиография', 'ultrasound', 'сердце'],
    ['ЭхоКГ', 'ultrasound', 'сердце'],
    ['Регистрация электрокардиограммы', 'ecg', ''],
    ['Электрокардиография (ЭКГ) с расшифровкой', 'ecg', ''],
    ['ЭКГ', 'ecg', ''],
    ['Общий (клинический) анализ крови', 'lab', 'оак'],
    ['Анализ крови общий (клинический)', 'lab', 'оак'],
    ['ОАК', 'lab', 'оак'],
    ['Общий анализ мочи', 'lab', 'оам'],
    ['ОАМ', 'lab', 'оам'],
    ['Исследование уровня С-реактивного белка в сыворотке крови', 'lab', 'срб'],
    ['СРБ', 'lab', 'срб'],
    ['Исследование уровня глюкозы в крови', 'lab', 'глюкоз'],
    ['Рентгенография легких', 'xray', 'легкие'],
    ['Рентгенография органов грудной клетки', 'xray', 'легкие'],
    ['Магнитно-резонансная томография головного мозга', 'mri', 'головн мозг'],
    ['МРТ головного мозга', 'mri', 'головн мозг'],
    ['КТ органов брюшной полости', 'ct', 'брюшн орган полост'],
    ['Эзофагогастродуоденоскопия', 'endoscopy', 'эгдс'],
    ['ФГДС', 'endoscopy', 'эгдс'],
  ])('%s → %s %s', (name, kind, object) => {
    expect(kindAndObject(name)).toEqual([kind, object]);
  });

  it('drops the clinic numbering, quotes, case, repeated spaces and ё', () => {
    for (const name of [
      '8.3.9. Прием врача-терапевта',
      '03.054 «ПРИЁМ  врача-терапевта»',
      '1.01 "Прием врача терапевта"',
    ]) {
      expect(kindAndObject(name)).toEqual(['visit', 'терапевт']);
    }
    expect(readServiceName('8.3.9. Прием врача-терапевта').clinicCode).toBe('8.3.9');
    expect(readServiceName('03.054 Прием врача-терапевта').clinicCode).toBe('03.054');
    // A laboratory's own catalogue number (Альтамед: «13.1.A1.900») is numbering too, not a quantity.
    expect(readServiceName('13.1.A1.900 ДНК хламидии (Chlamydia trachomatis)').clinicCode).toBe(
      '13.1.a1.900',
    );
    expect(readServiceName('13.1.A1.900 ДНК хламидии (Chlamydia trachomatis)').object).toEqual(
      readServiceName('ДНК хламидии (Chlamydia trachomatis)').object,
    );
  });

  it('takes a dot after a whole word for the end of a sentence, not a cut', () => {
    const name = readServiceName('Прием врача терапевта высшей категории. Главный врач');
    expect(name.object).toContain('категор');
    expect(readServiceName('Прием вр. терапевта высш. кат.').object).toContain('высш.');
  });

  it('reads 804н codes in the name, also with a Cyrillic letter', () => {
    expect(readServiceName('[A04.16.001] УЗИ печени').codes).toEqual(['A04.16.001']);
    expect(readServiceName('В01.047.001 Прием терапевта').codes).toEqual(['B01.047.001']);
  });

  it('is order-free', () => {
    expect(kindAndObject('Первичный прием терапевта')).toEqual(kindAndObject('Прием терапевта первичный'));
    expect(kindAndObject('Анализ мочи общий')).toEqual(['lab', 'оам']);
  });
});

const readsQualifiers = (name: string, qualifiers: object) =>
  expect(readServiceName(name).qualifiers).toEqual(qualifiers);

describe('readServiceName: qualifiers', () => {
  it.each([
    ['Прием врача-педиатра первичный', { visit: 'first' }],
    ['Прием терапевта повт.', { visit: 'repeat' }],
    ['Прием (осмотр, консультация) врача-детского невролога', { age: 'child' }],
    ['Массаж спины (взрослые)', { age: 'adult' }],
    ['Удаление зуба под местной анестезией', { anaesthesia: 'with' }],
    ['Удаление зуба без анестезии', { anaesthesia: 'without' }],
    ['ФГДС во сне', { anaesthesia: 'with' }],
    ['Колоноскопия с седацией', { anaesthesia: 'with' }],
    ['Рентгенография левой кисти', { side: 'left' }],
    ['УЗИ коленного сустава правого', { side: 'right' }],
    ['Рентгенография обеих стоп', { side: 'both' }],
    ['Прием врача-терапевта на дому', { place: 'home' }],
    ['Выезд врача-педиатра', { place: 'home' }],
    ['ОАК (cito)', { urgency: 'cito' }],
    ['Общий анализ крови ЦИТО', { urgency: 'cito' }],
    ['МРТ (1 зона)', { zones: '1' }],
    ['МРТ позвоночника 2 зоны', { zones: '2' }],
    ['МРТ двух зон', { zones: '2' }],
    ['КТ органов брюшной полости с контрастированием', { contrast: 'with' }],
    ['Рентгенография грудной клетки в двух проекциях', { projections: '2' }],
  ])('%s → %j', readsQualifiers);
});

describe('readServiceName: generic names', () => {
  it.each([
    'Медицинская услуга',
    'Оплата по счёту № 1234 от 12.11.2026',
    'Консультация специалиста',
    'Приём врача-специалиста',
    'УЗИ (1 зона)',
    'Анализ крови',
  ])('%s is generic', (name) => {
    expect(readServiceName(name).generic).toBe(true);
  });

  it.each(['ЭКГ', 'Бахилы', 'Глюкоза', 'Прием терапевта'])('%s is not', (name) => {
    expect(readServiceName(name).generic).toBe(false);
  });
});

describe('readServiceName: sides said in other words', () => {
  it.each([
    ['Рентгенография коленного сустава справа', { side: 'right' }],
    ['Рентгенография коленного сустава слева', { side: 'left' }],
    ['Промывание верхнечелюстной пазухи носа с одной стороны', { side: 'one' }],
    ['Промывание верхнечелюстной пазухи носа с двух сторон', { side: 'both' }],
    ['УЗИ молочных желез билатерально', { side: 'both' }],
  ])('%s → %j', readsQualifiers);
});
