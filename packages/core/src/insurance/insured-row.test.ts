import { describe, expect, it } from 'vitest';
import { mapInsuredHeader, parseRuDate, validateInsuredRow } from './insured-row.ts';

const good = {
  policyNumber: 'ДМС-0012345',
  lastName: 'Иванова',
  firstName: 'Мария',
  middleName: 'Петровна',
  birthDate: '14.03.1985',
  sex: 'Ж',
  phone: '8 916 123-45-67',
  email: 'Ivanova@Example.ru',
  validFrom: '01.01.2026',
  validTo: '31.12.2026',
};

describe('insured list rows', () => {
  it('normalises a good row', () => {
    const r = validateInsuredRow(good, '2026-11-22');
    expect(r).toEqual({
      ok: true,
      row: {
        policyNumber: 'ДМС-0012345',
        lastName: 'Иванова',
        firstName: 'Мария',
        middleName: 'Петровна',
        birthDate: '1985-03-14',
        sex: 'female',
        phone: '+79161234567',
        email: 'ivanova@example.ru',
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
      },
    });
  });

  it('names the column and the problem for each mistake', () => {
    const r = validateInsuredRow(
      {
        ...good,
        birthDate: '31.02.1985',
        sex: 'X',
        phone: '12345',
        email: 'нет',
        validTo: '01.01.2025',
        lastName: '',
      },
      '2026-11-22',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      { column: 'Фамилия', problem: 'не заполнено' },
      { column: 'Дата рождения', problem: '«31.02.1985» — не дата; нужен формат ДД.ММ.ГГГГ' },
      { column: 'Пол', problem: 'укажите «М» или «Ж»' },
      { column: 'Телефон', problem: '«12345» — не российский номер телефона' },
      { column: 'E-mail', problem: '«нет» — неверный адрес электронной почты' },
      { column: 'Дата окончания', problem: 'дата окончания раньше даты начала' },
    ]);
  });

  it('refuses a birth date in the future', () => {
    const r = validateInsuredRow({ ...good, birthDate: '01.01.2030' }, '2026-11-22');
    expect(r.ok).toBe(false);
  });

  it('parses dates in Russian and ISO forms only when they exist', () => {
    expect(parseRuDate('1.2.2026')).toBe('2026-02-01');
    expect(parseRuDate('2026-02-01')).toBe('2026-02-01');
    expect(parseRuDate('2026-02-30')).toBeNull();
    expect(parseRuDate('02/01/2026')).toBeNull();
  });

  it('maps headers in any order and reports missing required columns', () => {
    const ok = mapInsuredHeader([
      'Пол',
      'Номер полиса',
      'фамилия',
      'Имя',
      'Дата рождения',
      'Дата начала',
      'Дата окончания',
    ]);
    expect(ok).toMatchObject({ ok: true, index: { sex: 0, policyNumber: 1, lastName: 2 } });
    expect(mapInsuredHeader(['Фамилия', 'Имя'])).toMatchObject({
      ok: false,
      missing: expect.arrayContaining(['Номер полиса', 'Пол']),
    });
  });
});
