import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { unique } from '../fixtures/accounts.ts';
import { type ApiSession, apiSession, newUser } from '../fixtures/api.ts';
import { DEMO_POLICY, issueLetter } from '../fixtures/claims.ts';
import { loginAs, loginThroughForm } from '../fixtures/login.ts';

/** The two demo clinics of one network with the same prices and 3 % cashback (see the demo seed). */
const SOKOL = '«Мой доктор» на Соколе';
const STROGINO = '«Мой доктор» в Строгино';
const PASSWORD = 'Bonus-journey-2026';

/**
 * A clinic user of its own for the «Мой доктор» network, made by the admin through the API, so this
 * journey changes no clinic that other specs use.
 */
async function networkUser(baseURL: string): Promise<{ login: string; clinicIds: Record<string, string> }> {
  const admin = await apiSession(baseURL, 'admin@demo.remed.ru');
  const orgs = await admin.get<{ clinics: { id: string; name: string }[] }>('/api/admin/organisations');
  const clinicIds = Object.fromEntries(
    [SOKOL, STROGINO].map((name) => [name, orgs.clinics.find((c) => c.name === name)!.id]),
  );
  const login = await newUser(baseURL, admin, {
    prefix: 'bonus',
    fullName: 'Лебедева Анна Сергеевна',
    roles: ['clinic_user'],
    clinicIds: Object.values(clinicIds),
    password: PASSWORD,
  });
  await admin.dispose();
  return { login, clinicIds };
}

async function chooseClinic(page: Page, name: string) {
  await page.getByTestId('clinic-switcher').click();
  await page.getByRole('option', { name }).click();
  await expect(page.getByTestId('cabinet-clinic')).toHaveText(name);
}

test('bonus program, ranking, rating and report of a clinic', async ({ page, browser, baseURL }) => {
  // Four people in three browsers and a receipt paid in between: beside another worker it outlasts 60 s.
  test.slow();
  const base = baseURL ?? '';
  const { login, clinicIds } = await networkUser(base);

  // 1. The clinic sets 7 % from today at Сокол; Строгино stays at 3 %.
  await loginThroughForm(page, login, PASSWORD);
  await expect(page.getByTestId('home-clinic_user')).toBeVisible();
  await page.getByTestId('main-nav').getByRole('link', { name: 'Бонусная программа' }).click();
  await chooseClinic(page, SOKOL);
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
  await chooseClinic(page, STROGINO);
  await expect(bonus.getByTestId('cashback-percent')).toHaveText('3 %');

  // 2. The console doctor picks a clinic for a therapist visit: Сокол is now above Строгино.
  const doctorApi = await apiSession(base, 'doctor@demo.remed.ru');
  const request = await doctorApi.post<{ id: string }>('/api/console/requests', {
    policyNumber: DEMO_POLICY,
    complaint: `Звонок: кашель и температура (${unique('e2e')})`,
  });
  const opened = await doctorApi.post<{ id: string }>(`/api/console/requests/${request.id}/case`, {});
  const doctorContext = await browser.newContext();
  const doctor = await doctorContext.newPage();
  await loginAs(doctor, 'doctor@demo.remed.ru', 'home-console_doctor');
  await doctor.goto(`/console/cases/${opened.id}`);
  const search = doctor.getByTestId('service-search');
  await search.fill('терапевта первичный');
  await expect(doctor.getByTestId('service-result').first()).toContainText('B01.047.001');
  await search.press('Enter');
  const options = doctor.getByTestId('clinic-option');
  await expect(options.filter({ hasText: SOKOL })).toContainText('кэшбэк 7 %');
  await expect(options.filter({ hasText: STROGINO })).toContainText('кэшбэк 3 %');
  const names = await options.allTextContents();
  const sokol = names.findIndex((t) => t.includes(SOKOL));
  const strogino = names.findIndex((t) => t.includes(STROGINO));
  expect(sokol).toBeGreaterThanOrEqual(0);
  expect(sokol).toBeLessThan(strogino);
  await expect(options.filter({ hasText: SOKOL }).getByTestId('clinic-total')).toHaveText(
    (await options.filter({ hasText: STROGINO }).getByTestId('clinic-total').textContent()) ?? '',
  );
  await doctorContext.close();

  // 3. A visit at Сокол: a letter, a receipt from the demo till, the insured sends it and rates the visit.
  const letterId = await issueLetter(doctorApi, clinicIds[SOKOL]!, `Звонок: давление (${unique('e2e')})`);
  await doctorApi.dispose();
  const clinicApi = await apiSession(base, login, PASSWORD);
  const till = await clinicApi.post<{ qr: string }>('/api/demo/till', { letterId });
  await clinicApi.dispose();
  const insuredApi: ApiSession = await apiSession(base, 'insured@demo.remed.ru');
  const claim = await insuredApi.post<{ id: string; status: string }>('/api/me/claims', {
    letterId,
    qr: till.qr,
    source: 'manual',
  });
  await insuredApi.dispose();
  expect(['approved', 'payout_pending', 'paid']).toContain(claim.status);
  const comment = `Приняли вовремя, всё объяснили (${unique('c')})`;
  const insuredContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const insured = await insuredContext.newPage();
  await loginAs(insured, 'insured@demo.remed.ru', 'home-insured');
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
  await chooseClinic(page, SOKOL);
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
    await expect(page.getByTestId('cabinet-clinic')).toHaveText(SOKOL);
    await page.screenshot({
      path: test.info().outputPath(`clinic${path.replace(/\//g, '-')}-390.png`),
      fullPage: true,
    });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
  }
});
