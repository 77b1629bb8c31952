import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { unique } from '../fixtures/accounts.ts';
import { claimOnLetter, phoneCase } from '../fixtures/claims.ts';
import { type ClinicSpec, THERAPIST } from '../fixtures/clinic.ts';
import { loginAs } from '../fixtures/login.ts';
import { expect, test } from '../fixtures/world.ts';

/** Two clinics of one network with the same prices and 3 % cashback, the first one's employee in both. */
const NETWORK: ClinicSpec = {
  prices: [{ clinicCode: 'МД.01', serviceCode: THERAPIST.code, name: THERAPIST.name, price: '2 750,00' }],
  cashback: 3,
};

async function chooseClinic(page: Page, name: string) {
  await page.getByTestId('clinic-switcher').click();
  await page.getByRole('option', { name }).click();
  await expect(page.getByTestId('cabinet-clinic')).toHaveText(name);
}

test('bonus program, ranking, rating and report of a clinic', async ({ page, browser, world }) => {
  // Four people in three browsers and a receipt paid in between: beside another worker it outlasts 60 s.
  test.slow();
  const [sokol, insuredPerson, doctorUser] = await Promise.all([
    world.clinic({ ...NETWORK, name: 'Мой доктор на Соколе' }),
    world.insured(),
    world.staff('console_doctor'),
  ]);
  const strogino = await world.networkClinic(sokol, { ...NETWORK, name: 'Мой доктор в Строгино' });

  // 1. The clinic sets 7 % from today at Сокол; Строгино stays at 3 %.
  await loginAs(page, sokol, 'home-clinic_user');
  await page.getByTestId('main-nav').getByRole('link', { name: 'Бонусная программа' }).click();
  await chooseClinic(page, sokol.name);
  const bonus = page.getByTestId('page-bonus');
  await expect(bonus.getByTestId('cashback-percent')).toHaveText('3 %');
  await bonus.getByTestId('cashback-input').fill('1');
  await bonus.getByTestId('cashback-save').click();
  await expect(bonus.getByText('Кэшбэк не меньше 2 %')).toBeVisible();
  await bonus.getByTestId('cashback-input').fill('7');
  await bonus.getByTestId('cashback-save').click();
  await expect(bonus.getByTestId('cashback-percent')).toHaveText('7 %');
  await expect(bonus.getByTestId('cashback-history')).toContainText('7 %');
  await page.screenshot({ path: test.info().outputPath(`clinic-bonus-1280.png`), fullPage: true });
  await chooseClinic(page, strogino.name);
  await expect(bonus.getByTestId('cashback-percent')).toHaveText('3 %');

  // 2. The console doctor picks a clinic for a therapist visit: Сокол is now above Строгино.
  const caseId = await phoneCase(
    doctorUser.api,
    insuredPerson.policy,
    `Звонок: кашель и температура (${unique('e2e')})`,
  );
  const doctorContext = await browser.newContext();
  const doctor = await doctorContext.newPage();
  await loginAs(doctor, doctorUser, 'home-console_doctor');
  await doctor.goto(`/console/cases/${caseId}`);
  const search = doctor.getByTestId('service-search');
  await search.fill('терапевта первичный');
  await expect(doctor.getByTestId('service-result').first()).toContainText('B01.047.001');
  await search.press('Enter');
  const options = doctor.getByTestId('clinic-option');
  await expect(options.filter({ hasText: sokol.name })).toContainText('кэшбэк 7 %');
  await expect(options.filter({ hasText: strogino.name })).toContainText('кэшбэк 3 %');
  const names = await options.allTextContents();
  const sokolAt = names.findIndex((t) => t.includes(sokol.name));
  const stroginoAt = names.findIndex((t) => t.includes(strogino.name));
  expect(sokolAt).toBeGreaterThanOrEqual(0);
  expect(sokolAt).toBeLessThan(stroginoAt);
  await expect(options.filter({ hasText: sokol.name }).getByTestId('clinic-total')).toHaveText(
    (await options.filter({ hasText: strogino.name }).getByTestId('clinic-total').textContent()) ?? '',
  );
  await doctorContext.close();

  // 3. A visit at Сокол: a letter, a receipt from the demo till, the insured sends it and rates the visit.
  const letter = await world.letter(doctorUser, insuredPerson, sokol);
  const claim = await claimOnLetter(sokol.api, insuredPerson.api, letter.id);
  expect(['approved', 'payout_pending', 'paid']).toContain(claim.status);
  const comment = `Приняли вовремя, всё объяснили (${unique('c')})`;
  const insuredContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const insured = await insuredContext.newPage();
  await loginAs(insured, insuredPerson, 'home-insured');
  await insured.goto(`/claims/${claim.id}`);
  const feedback = insured.getByTestId('claim-feedback');
  await feedback.getByTestId('rate-submit').click();
  await expect(feedback.getByText('Поставьте оценку от 1 до 5 звёзд')).toBeVisible();
  // The stars are radio buttons: from the keyboard, as a person without a mouse would.
  const five = feedback.getByRole('radio', { name: /^5 из 5/ });
  await five.focus();
  await five.press('Space');
  await expect(five).toBeChecked();
  await feedback.getByTestId('rate-comment').fill(comment);
  await feedback.getByTestId('rate-submit').click();
  await expect(feedback.getByTestId('rate-done')).toContainText(comment);
  await insuredContext.close();

  // 4. The clinic sees its rating: score, place, components, and the comment without a name.
  await chooseClinic(page, sokol.name);
  await page.getByTestId('main-nav').getByRole('link', { name: 'Рейтинг' }).click();
  const rating = page.getByTestId('page-rating');
  await expect(rating.getByTestId('rating-place')).toHaveText(/^\d+-е место из \d+$/);
  await expect(rating.getByTestId('rating-component')).toHaveCount(5);
  await expect(rating.getByTestId('rating-component').filter({ hasText: 'Кэшбэк' })).toContainText('7 %');
  await expect(rating.getByTestId('rating-comment').filter({ hasText: comment })).toBeVisible();
  await expect(rating.getByTestId('rating-feedback')).not.toContainText('Иванова');
  await page.screenshot({ path: test.info().outputPath(`clinic-rating-1280.png`), fullPage: true });

  // 5. The report shows the visit this month and downloads as a workbook.
  await page.getByTestId('main-nav').getByRole('link', { name: 'Отчёты' }).click();
  const report = page.getByTestId('page-reports');
  // Сокол charges 2 750 ₽ for the therapist; this network clinic sees no other receipts.
  await expect(report.getByTestId('report-total-patients')).toHaveText('1');
  await expect(report.getByTestId('report-row').last()).toContainText(/2\s750,00/);
  await page.screenshot({ path: test.info().outputPath(`clinic-reports-1280.png`), fullPage: true });
  const downloading = page.waitForEvent('download');
  await report.getByTestId('report-xlsx').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^report-\d{4}-\d{2}-\d{4}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Отчёт')!;
  expect(sheet.getCell('A1').value).toBe('Месяц');
  expect(sheet.getCell('D1').value).toBe('Оплачено пациентами, ₽');
  const total = sheet.getRow(sheet.rowCount);
  expect(total.getCell(1).value).toBe('Итого');
  expect(total.getCell(4).value).toBe(2750);
  expect(total.getCell(4).numFmt).toContain('₽');

  // The same pages on a phone: nothing runs off the side.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/clinic/bonus', '/clinic/rating', '/clinic/reports']) {
    await page.goto(path);
    await expect(page.getByTestId('cabinet-clinic')).toHaveText(sokol.name);
    await page.screenshot({
      path: test.info().outputPath(`clinic${path.replace(/\//g, '-')}-390.png`),
      fullPage: true,
    });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
  }
});
