import { describe, expect, it } from 'vitest';
import { mapPriceListHeader } from './columns.ts';
import { checkPriceRow, normalizeServiceCode, validatePriceList } from './validate.ts';

const row = (line: number, over: Partial<Record<string, string>> = {}) => ({
  line,
  clinicCode: `1.${line}`,
  serviceCode: 'B01.047.001',
  name: 'Прием (осмотр, консультация) врача-терапевта первичный',
  price: '2 500,00',
  note: '',
  ...over,
});

describe('one row of a price list', () => {
  it('tidies a good row', () => {
    expect(
      checkPriceRow({
        clinicCode: ' 1.01 ',
        serviceCode: ' в01.047.001',
        name: 'Прием  врача-терапевта\u00a0первичный ',
        price: '1 234,5',
        note: '  ',
      }),
    ).toEqual({
      row: {
        clinicCode: '1.01',
        serviceCode: 'B01.047.001',
        name: 'Прием врача-терапевта первичный',
        priceText: '1 234,5',
        price: 123_450,
        note: null,
      },
      issues: [],
    });
  });

  it('names the column and the problem of each bad cell', () => {
    const { row: r, issues } = checkPriceRow({
      clinicCode: '',
      serviceCode: 'B1.47.1',
      name: ' ',
      price: '0',
    });
    expect(r.price).toBeNull();
    expect(issues).toEqual([
      { field: 'clinicCode', column: 'Код клиники', message: 'не заполнено', severity: 'error' },
      {
        field: 'serviceCode',
        column: 'Код услуги 804н',
        message: '«B1.47.1» — не код по номенклатуре 804н; нужен вид B01.047.001 или A04.16.001',
        severity: 'error',
      },
      { field: 'name', column: 'Наименование услуги', message: 'не заполнено', severity: 'error' },
      { field: 'price', column: 'Цена, руб.', message: 'цена должна быть больше нуля', severity: 'error' },
    ]);
  });

  it('accepts the four-group codes and refuses other letters and shapes', () => {
    expect(normalizeServiceCode('a04.16.001.001')).toBe('A04.16.001.001');
    expect(checkPriceRow({ ...row(2), serviceCode: 'A04.16.001.001', name: 'УЗИ печени' }).issues).toEqual(
      [],
    );
    for (const bad of ['C01.047.001', 'B01.047', 'B01.0470.001', 'B01.047.01', 'B01-047-001'])
      expect(checkPriceRow({ ...row(2), serviceCode: bad }).issues[0]?.field).toBe('serviceCode');
  });

  it('warns, without blocking, when the name contradicts the code', () => {
    const { issues } = checkPriceRow({ ...row(2), serviceCode: 'B01.047.002' });
    expect(issues).toEqual([
      {
        field: 'serviceCode',
        column: 'Код услуги 804н',
        message: 'Код на .002 — повторный приём, а в наименовании «первичный». Проверьте код',
        severity: 'warning',
      },
    ]);
  });

  it('refuses cells that are too long', () => {
    expect(checkPriceRow({ ...row(2), name: 'а'.repeat(501) }).issues[0]).toMatchObject({
      field: 'name',
      message: 'не длиннее 500 знаков',
    });
  });
});

describe('a whole price list', () => {
  it('reports duplicates of the 804н code and of the clinic code in the later row, naming the earlier', () => {
    const check = validatePriceList([
      row(2),
      row(3, { serviceCode: 'b01.047.001', clinicCode: '1.9', name: 'Прием врача-кардиолога первичный' }),
      row(4, {
        serviceCode: 'A04.16.001',
        clinicCode: '2.4',
        name: 'Ультразвуковое исследование органов брюшной полости',
      }),
      row(5, { serviceCode: 'A06.09.007', clinicCode: '2.4 ', name: 'Рентгенография легких' }),
    ]);
    expect(check.issues).toEqual([
      {
        row: 3,
        rowId: null,
        field: 'serviceCode',
        column: 'Код услуги 804н',
        message: 'код B01.047.001 уже есть в строке 2',
        severity: 'error',
      },
      {
        row: 5,
        rowId: null,
        field: 'clinicCode',
        column: 'Код клиники',
        message: 'код клиники «2.4» уже есть в строке 4',
        severity: 'error',
      },
    ]);
    expect(check).toMatchObject({ errorCount: 2, warningCount: 0 });
  });

  it('counts warnings apart from errors and keeps row ids', () => {
    const check = validatePriceList([
      { ...row(2), id: 'r2' },
      { ...row(3, { serviceCode: 'A04.16.001', price: '12,345', name: 'Прием врача-кардиолога' }), id: 'r3' },
    ]);
    expect(check.issues.map((i) => [i.row, i.rowId, i.field, i.severity])).toEqual([
      [3, 'r3', 'price', 'error'],
      [3, 'r3', 'serviceCode', 'warning'],
    ]);
    expect(check).toMatchObject({ errorCount: 1, warningCount: 1 });
    expect(check.rows[1]).toMatchObject({ serviceCode: 'A04.16.001', price: null, source: { id: 'r3' } });
  });

  it('calls an empty list an error', () => {
    expect(validatePriceList([])).toMatchObject({
      errorCount: 1,
      issues: [{ row: null, column: '—', message: 'В прейскуранте нет ни одной услуги', severity: 'error' }],
    });
  });

  it('checks 50 000 rows (the speed is measured in bench/price-list-import.bench.ts)', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => ({
      line: i + 2,
      clinicCode: `К-${i}`,
      serviceCode: `A09.${String(5 + (i % 90)).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}.${String(Math.floor(i / 1000)).padStart(3, '0')}`,
      name: 'Исследование уровня глюкозы в крови',
      price: '350,00',
    }));
    const check = validatePriceList(rows);
    expect(check.errorCount).toBe(0);
    expect(check.rows).toHaveLength(50_000);
  });
});

describe('the header row', () => {
  it('finds the columns by title or a usual alias, in any order', () => {
    expect(
      mapPriceListHeader(['Наименование', 'ЦЕНА (руб)', 'Код по 804н', 'Код клиники', 'Комментарий']),
    ).toEqual({ ok: true, index: { name: 0, price: 1, serviceCode: 2, clinicCode: 3, note: 4 } });
    expect(
      mapPriceListHeader(['Код клиники', 'Код услуги 804н', 'Наименование услуги', 'Цена, руб.']),
    ).toEqual({
      ok: true,
      index: { clinicCode: 0, serviceCode: 1, name: 2, price: 3 },
    });
  });

  it('names the required columns it does not find', () => {
    expect(mapPriceListHeader(['ФИО', 'Цена'])).toEqual({
      ok: false,
      missing: ['«Код клиники»', '«Код услуги 804н»', '«Наименование услуги»'],
    });
  });
});

describe('names that read as one service', () => {
  const row = (line: number, serviceCode: string, name: string) => ({
    line,
    clinicCode: `1.${line}`,
    serviceCode,
    name,
    price: '1000',
  });

  it('warns when two rows cannot be told apart on a receipt', () => {
    const { issues, errorCount } = validatePriceList([
      row(1, 'B01.047.001', 'Прием (осмотр, консультация) врача-терапевта первичный'),
      row(2, 'B01.047.003', 'Первичная консультация врача терапевта'),
      row(3, 'B01.047.002', 'Прием (осмотр, консультация) врача-терапевта повторный'),
    ]);
    expect(errorCount).toBe(0);
    expect(issues).toEqual([
      expect.objectContaining({
        row: 2,
        field: 'name',
        severity: 'warning',
        message: expect.stringContaining('та же услуга, что в строке 1'),
      }),
    ]);
  });
});
