import { readFile } from 'node:fs/promises';
import { loginAs } from '../fixtures/login.ts';
import { uploadPriceCsv } from '../fixtures/screens.ts';
import { expect, test } from '../fixtures/world.ts';

/** Tomorrow in Moscow, as the date field takes it: the new prices start there, not in the version in force. */
function tomorrow(): string {
  const moscow = new Date(Date.now() + 3 * 3600_000);
  moscow.setUTCDate(moscow.getUTCDate() + 1);
  return moscow.toISOString().slice(0, 10);
}

test('a clinic uploads its price list from the template, fixes the row the check names, publishes and sees the changes', async ({
  page,
  world,
}) => {
  // A clinic of the test's own with a price list in force since today.
  await loginAs(page, await world.clinic({ stage: 'priced' }), 'home-clinic_user');
  await page.getByTestId('main-nav').getByRole('link', { name: 'Прейскуранты' }).click();
  await expect(page.getByTestId('page-price-lists')).toBeVisible();
  await expect(page.getByTestId('price-list-current')).toContainText('Действует версия');
  const versionsBefore = await page.getByTestId('version-row').count();

  // Both templates download; the CSV one is filled in (its sample rows kept) with one bad price.
  const xlsxDownload = page.waitForEvent('download');
  await page.getByTestId('template-xlsx').click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toBe('Шаблон прейскуранта.xlsx');
  expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString()).toBe('PK');
  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('template-csv').click();
  const template = await readFile((await (await csvDownload).path())!, 'utf8');
  const lines = template
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe('Код клиники;Код услуги 804н;Наименование услуги;Цена, руб.;Примечание');
  const bad = lines.findIndex((l) => l.includes('B01.047.002'));
  const cells = lines[bad]!.split(';');
  cells[3] = '2 100,505';
  lines[bad] = cells.join(';');
  const badLine = bad + 1;

  await uploadPriceCsv(page, lines);

  // The draft opens; the report names the line and the column.
  const version = page.getByTestId('page-price-list-version');
  await expect(version).toHaveAttribute('data-status', 'draft');
  const issue = page.getByTestId('check-issue');
  await expect(issue).toHaveCount(1);
  await expect(issue).toContainText(String(badLine));
  await expect(issue).toContainText('Цена, руб.');
  await expect(issue).toContainText('не больше двух знаков после запятой');
  await expect(page.getByTestId('publish')).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath(`price-list-report-1280.png`), fullPage: true });

  // Fixed in place: the row opens with its error shown, the price is typed again, Enter saves.
  await issue.getByRole('button', { name: `Исправить строку ${badLine}` }).click();
  const form = page.getByTestId('row-form');
  const price = form.getByTestId('row-price');
  await expect(form).toContainText('Не больше двух знаков после запятой (копейки)');
  await price.fill('2 100,5');
  await expect(form).not.toContainText('Не больше двух знаков');
  await price.press('Enter');
  await expect(page.getByText(`Строка ${badLine} сохранена`)).toBeVisible();
  await expect(page.getByTestId('draft-summary')).not.toContainText('ошиб');
  await page.getByTestId('tab-check').click();
  await expect(page.getByTestId('check-clean')).toBeVisible();

  // Published from tomorrow; the changes against the version in force are shown.
  await page.getByTestId('publish-date').fill(tomorrow());
  await page.getByTestId('tab-diff').click();
  await expect(page.getByTestId('diff-summary')).toBeVisible();
  await page.getByTestId('publish').click();
  await expect(version).toHaveAttribute('data-status', 'published');
  await expect(page.getByTestId('version-status')).toHaveText('запланирована');
  await page.getByTestId('tab-diff').click();
  const diff = page.getByTestId('price-list-diff');
  await expect(diff).toContainText('Сравнение с версией');
  await expect(diff.getByTestId('diff-entry').first()).toBeVisible();
  const repeat = diff.getByTestId('diff-entry').filter({ hasText: 'B01.047.002' });
  await expect(repeat).toContainText('2 100,50');
  await page.screenshot({ path: test.info().outputPath(`price-list-diff-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath(`price-list-diff-390.png`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Back in the list: one more version, scheduled for tomorrow.
  await page.getByRole('link', { name: 'Все версии прейскуранта' }).click();
  await expect(page.getByTestId('version-row')).toHaveCount(versionsBefore + 1);
  await expect(page.getByTestId('price-list-scheduled')).toBeVisible();
});
