import { type MonthlyReport, monthTitle, moscowIso } from '@remed/core';
import ExcelJS from 'exceljs';

/** Rubles with kopecks and the ruble sign; the cell stays a number, so sums and filters work. */
export const RUB_FORMAT = '#,##0.00 "₽"';

export const REPORT_COLUMNS = [
  'Месяц',
  'Пациентов',
  'Одобренных чеков',
  'Оплачено пациентами, ₽',
  'Возмещено страховой, ₽',
  'Кэшбэк к выплате клиникой, ₽',
] as const;

/** The report as a workbook: a header row, one row per month, a total; a second sheet says what it is. */
export async function reportWorkbook(report: MonthlyReport, generatedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'remed';
  wb.created = generatedAt;
  const sheet = wb.addWorksheet('Отчёт', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REPORT_COLUMNS.map((header, i) => ({
    header,
    width: i === 0 ? 16 : i < 3 ? 14 : 24,
    ...(i >= 3 ? { style: { numFmt: RUB_FORMAT } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  const line = (label: string, r: MonthlyReport['total']) => [
    label,
    r.patients,
    r.receipts,
    r.paid / 100,
    r.reimbursed / 100,
    r.cashback / 100,
  ];
  for (const m of report.months) sheet.addRow(line(monthTitle(m.month), m));
  const total = sheet.addRow(line('Итого', report.total));
  total.font = { bold: true };
  sheet.autoFilter = { from: 'A1', to: `F${report.months.length + 1}` };

  const about = wb.addWorksheet('Об отчёте');
  about.columns = [{ width: 30 }, { width: 80 }];
  about.addRows([
    ['Клиника', report.clinic.name],
    ['Период', `${monthTitle(report.from)} — ${monthTitle(report.to)}`],
    ['Сформирован', moscowIso(generatedAt).slice(0, 16).replace('T', ' ')],
    [
      'Пациентов',
      'застрахованные, подавшие хотя бы один чек клиники за месяц; в итоге каждый считается один раз',
    ],
    ['Оплачено пациентами', 'сумма чеков, одобренных полностью или частично (в том числе уже выплаченных)'],
    ['Возмещено страховой', 'сколько возмещено застрахованным по этим чекам'],
    ['Кэшбэк к выплате клиникой', 'кэшбэк по бонусной программе, начисленный по этим чекам'],
  ]);
  about.getColumn(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
