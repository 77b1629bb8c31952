import {
  kopecksToPriceText,
  MAX_PRICE_KOPECKS,
  mapPriceListHeader,
  PRICE_LIST_COLUMNS,
  type PriceListColumnKey,
  type PriceRowInput,
  SERVICE_CLASSES,
} from '@remed/core';
import ExcelJS from 'exceljs';
import { readTableLines } from '../../platform/tables/read-table.ts';
import type { TableLimits } from '../../platform/tables/table-limits.ts';
import { type TableFormat, writeTable } from '../insurance/table-files.ts';

const MB = 1024 * 1024;

/**
 * A clinic's price list: the largest real ones have a few tens of thousands of services. The unpacked
 * and string budgets leave room for heavy formatting of 100 000 rows, far below what hurts the server.
 */
export const PRICE_LIST_LIMITS: TableLimits = {
  maxFileBytes: 30 * MB,
  maxRows: 100_000,
  maxCellChars: 5_000,
  maxRowChars: 20_000,
  maxColumns: 200,
  maxUnpackedBytes: 250 * MB,
  maxEntryBytes: 200 * MB,
  maxSharedStrings: 600_000,
  maxSharedStringChars: 25_000_000,
  rowsInto: 'в один прейскурант',
  rowsHint:
    'Проверьте, нет ли в файле лишних строк ниже таблицы; если услуг действительно столько, напишите в поддержку.',
};

type FileRow = PriceRowInput & { line: number };

/** Real 804н services, for the example sheet and the CSV template. */
const EXAMPLE_ROWS: [clinicCode: string, serviceCode: string, name: string, price: string, note: string][] = [
  ['1.01', 'B01.047.001', 'Прием (осмотр, консультация) врача-терапевта первичный', '2 500,00', ''],
  ['1.02', 'B01.047.002', 'Прием (осмотр, консультация) врача-терапевта повторный', '2 100,00', ''],
  ['1.03', 'B01.023.001', 'Прием (осмотр, консультация) врача-невролога первичный', '3 200,00', ''],
  ['1.04', 'B01.015.001', 'Прием (осмотр, консультация) врача-кардиолога первичный', '3 500,00', ''],
  [
    '2.01',
    'A04.16.001',
    'Ультразвуковое исследование органов брюшной полости (комплексное)',
    '3 400,00',
    'печень, желчный пузырь, поджелудочная железа, селезёнка',
  ],
  [
    '2.02',
    'A04.22.001',
    'Ультразвуковое исследование щитовидной железы и паращитовидных желез',
    '2 200,00',
    '',
  ],
  ['2.03', 'A04.10.002', 'Эхокардиография', '4 500,00', ''],
  ['3.01', 'A05.10.006', 'Регистрация электрокардиограммы', '1 200,00', ''],
  ['3.02', 'A05.23.009', 'Магнитно-резонансная томография головного мозга', '7 900,00', 'филиал в Марьине'],
  ['4.01', 'A06.09.007', 'Рентгенография легких', '1 900,00', ''],
  ['5.01', 'B03.016.003', 'Общий (клинический) анализ крови развернутый', '750,00', 'срок 1 рабочий день'],
  ['5.02', 'B03.016.006', 'Общий (клинический) анализ мочи', '450,00', ''],
  ['5.03', 'A09.05.023', 'Исследование уровня глюкозы в крови', '350,00', ''],
  ['5.04', 'A11.12.009', 'Взятие крови из периферической вены', '250,00', ''],
];

/** The cells of one file row under the mapped columns; a missing optional column reads as empty. */
function pick(cells: string[], index: Partial<Record<PriceListColumnKey, number>>, key: PriceListColumnKey) {
  const i = index[key];
  return i === undefined ? '' : (cells[i] ?? '');
}

/**
 * Rows of an uploaded price list, with the line each stands on in the file; or the reason the file as a
 * whole cannot be taken (no header, no rows). A file beyond PRICE_LIST_LIMITS throws its refusal.
 */
export async function readPriceListFile(
  content: Buffer,
  format: TableFormat,
): Promise<{ ok: true; rows: FileRow[] } | { ok: false; message: string }> {
  let index: Partial<Record<PriceListColumnKey, number>> | null = null;
  const rows: FileRow[] = [];
  for await (const { line, cells } of readTableLines(content, format, PRICE_LIST_LIMITS)) {
    if (!index) {
      const header = mapPriceListHeader(cells);
      if (!header.ok)
        return {
          ok: false,
          message: `В первой строке нет столбцов ${header.missing.join(', ')}. Скачайте шаблон и сверьте заголовки.`,
        };
      index = header.index;
      continue;
    }
    rows.push({
      line,
      clinicCode: pick(cells, index, 'clinicCode'),
      serviceCode: pick(cells, index, 'serviceCode'),
      name: pick(cells, index, 'name'),
      price: pick(cells, index, 'price'),
      note: pick(cells, index, 'note'),
    });
  }
  if (!index) return { ok: false, message: 'Файл пустой: нет ни заголовка, ни строк' };
  if (!rows.length)
    return { ok: false, message: 'В файле есть заголовок, но нет ни одной строки с услугами' };
  return { ok: true, rows };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7F0FA' } };
const WIDTHS: Record<PriceListColumnKey, number> = {
  clinicCode: 14,
  serviceCode: 18,
  name: 64,
  price: 14,
  note: 36,
};

/**
 * A sheet in the template's layout. Codes are text columns so Excel keeps «1.10» and leading zeros;
 * prices are numbers with kopecks.
 */
function priceSheet(
  wb: ExcelJS.Workbook,
  title: string,
  rows: (string | number)[][],
  extra: { header: string; width: number } | null = null,
) {
  const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    ...PRICE_LIST_COLUMNS.map((c) => ({
      header: c.title,
      key: c.key,
      width: WIDTHS[c.key],
      style: c.key === 'price' ? { numFmt: '#,##0.00' } : { numFmt: '@' },
    })),
    ...(extra ? [{ header: extra.header, key: 'extra', width: extra.width }] : []),
  ];
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell, col) => {
    cell.fill = HEADER_FILL;
    const column = PRICE_LIST_COLUMNS[col - 1];
    if (column) cell.note = `${column.required ? 'Обязательно. ' : ''}${column.description}`;
  });
  for (const r of rows) ws.addRow(r);
  return ws;
}

const rubles = (text: string) => Number(text.replace(/\s/g, '').replace(',', '.'));

export async function priceListTemplate(format: TableFormat): Promise<Buffer> {
  if (format === 'csv')
    return writeTable(
      'csv',
      'Прейскурант',
      PRICE_LIST_COLUMNS.map((c) => c.title),
      EXAMPLE_ROWS,
    );
  const wb = new ExcelJS.Workbook();
  wb.creator = 'remed';
  priceSheet(wb, 'Прейскурант', []);
  const help = wb.addWorksheet('Инструкция');
  help.columns = [{ width: 24 }, { width: 16 }, { width: 90 }, { width: 28 }];
  const add = (cells: string[], bold = false) => {
    const row = help.addRow(cells);
    row.font = { bold };
    row.alignment = { wrapText: true, vertical: 'top' };
  };
  add(['Как заполнить прейскурант'], true);
  add([
    'Заполните лист «Прейскурант»: одна строка — одна услуга, первая строка — заголовки (не меняйте их). Лист «Пример» показывает, как это выглядит. Сохраните файл как «Книга Excel (.xlsx)» или «CSV (разделители — точка с запятой)» и загрузите в кабинете клиники: раздел «Прейскуранты».',
  ]);
  add([]);
  add(['Столбец', 'Обязательный', 'Что писать', 'Пример'], true);
  for (const c of PRICE_LIST_COLUMNS) add([c.title, c.required ? 'да' : 'нет', c.description, c.example]);
  add([]);
  add(['Что проверяется'], true);
  for (const rule of [
    'Ошибки (прейскурант не опубликовать, пока они есть): пустые обязательные ячейки; код не по номенклатуре 804н; цена не больше нуля, не число или с тремя и более знаками после запятой; код 804н или код клиники, который уже встречался выше.',
    'Предупреждения (публиковать можно): наименование не похоже на раздел номенклатуры, к которому относится код, или у приёма врача код первичного приёма (.001) при наименовании «повторный» и наоборот.',
    `Разделы номенклатуры, которые сверяются с наименованием: ${Object.entries(SERVICE_CLASSES)
      .map(([code, c]) => `${code} — ${c.title}`)
      .join('; ')}.`,
    `Цена: в рублях, от 0,01 до ${kopecksToPriceText(MAX_PRICE_KOPECKS).replace(/,00$/, '')}; можно «1 234,50», «1234.5» или числом.`,
    'После загрузки вы увидите отчёт: номер строки, столбец и что не так. Ошибки можно исправить прямо в кабинете или загрузить исправленный файл.',
  ])
    add(['', '', rule]);
  priceSheet(
    wb,
    'Пример',
    EXAMPLE_ROWS.map(([clinicCode, serviceCode, name, price, note]) => [
      clinicCode,
      serviceCode,
      name,
      rubles(price),
      note,
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A version written back in the template's layout, so it can be edited in Excel and uploaded again. */
export async function versionWorkbook(
  rows: {
    clinicCode: string;
    serviceCode: string;
    name: string;
    price: number | null;
    priceText: string;
    note: string | null;
    remarks?: string;
  }[],
  withRemarks: boolean,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'remed';
  priceSheet(
    wb,
    'Прейскурант',
    rows.map((r) => [
      r.clinicCode,
      r.serviceCode,
      r.name,
      r.price === null ? r.priceText : r.price / 100,
      r.note ?? '',
      ...(withRemarks ? [r.remarks ?? ''] : []),
    ]),
    withRemarks ? { header: 'Замечания проверки', width: 60 } : null,
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
