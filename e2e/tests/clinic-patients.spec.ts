import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { loginAs } from '../fixtures/login.ts';
import { cyrillicTag } from '../fixtures/requisites.ts';
import { shoot } from '../fixtures/screens.ts';
import { expect, test } from '../fixtures/world.ts';

test('the clinic’s attachment list filters and downloads as XLSX and CSV', async ({ page, world }) => {
  // A clinic of the test's own in the program, and two people of one family on the program's list: one
  // attached, one whose policy ended last year. The program's other people are on the list too, so the test
  // narrows it to the family first.
  const family = `${cyrillicTag()}ова`;
  const [clinic, [attached, detached]] = await Promise.all([
    world.clinic(),
    world.people([
      { lastName: family, firstName: 'Мария', middleName: 'Петровна' },
      { lastName: family, firstName: 'Татьяна', middleName: 'Андреевна', expired: true },
    ]),
  ]);
  await loginAs(page, clinic, 'home-clinic_user');
  await page.getByTestId('main-nav').getByRole('link', { name: 'Прикреплённые пациенты' }).click();
  const list = page.getByTestId('page-patients');
  const search = list.getByLabel('Поиск по ФИО или номеру полиса');
  await search.fill(family);
  await expect(list.getByTestId('patient-row').filter({ hasText: attached!.fullName })).toBeVisible();
  await shoot(page, 'clinic-patients');

  await list.getByText('Откреплены', { exact: true }).click();
  await expect(list.getByTestId('patient-row')).toHaveCount(1);
  await expect(list.getByTestId('patient-row')).toContainText(detached!.fullName);

  const xlsxDownload = page.waitForEvent('download');
  await list.getByTestId('export-xlsx').click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/^prikreplennye-\d{4}-\d\d-\d\d\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
  const rows = (workbook.worksheets[0]?.getSheetValues() ?? []).slice(1) as unknown[][];
  expect(rows[0]?.slice(1, 4)).toEqual(['ФИО', 'Дата рождения', 'Номер полиса']);
  expect(rows.slice(1).map((r) => [r[1], r[8]])).toEqual([[detached!.fullName, 'откреплён']]);

  await list.getByText('Все', { exact: true }).click();
  await search.fill(`мария ${family.toLowerCase()}`);
  await expect(list.getByTestId('patient-row')).toHaveCount(1);
  const csvDownload = page.waitForEvent('download');
  await list.getByTestId('export-csv').click();
  const csv = parse(readFileSync(await (await csvDownload).path()), {
    bom: true,
    delimiter: ';',
  }) as string[][];
  expect(csv.map((r) => r[0])).toEqual(['ФИО', attached!.fullName]);
  expect(csv[1]?.[2]).toBe(attached!.policy);
});
