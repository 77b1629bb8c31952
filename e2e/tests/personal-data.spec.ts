import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import type { User } from '../fixtures/api.ts';
import { loginThroughForm } from '../fixtures/login.ts';
import { expect, test } from '../fixtures/world.ts';

async function shoot(page: Page, name: string, width: number) {
  await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
  // The layout settles on the next frame after a resize; a full-page shot taken before it is cut short.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
}

async function adminPage(browser: Browser, baseURL: string, admin: User) {
  const context = await browser.newContext({ baseURL, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  const page = await context.newPage();
  await loginThroughForm(page, admin.login, admin.password);
  return { page, context };
}

test('a person sees their consents, withdraws one, sees who looked, downloads their data', async ({
  page,
  browser,
  baseURL,
  world,
}) => {
  // Importing, registering and setting up two staff users with authenticators takes a while on a busy machine.
  test.setTimeout(120_000);
  // A person of the test's own, registered with both consents; the test's own doctor opens the person's case and
  // letter, as in the console.
  const doctorName = 'Врачева Ольга Сергеевна';
  const [person, doctor, admin, clinic] = await Promise.all([
    world.insured(),
    world.staff('console_doctor', { fullName: doctorName }),
    world.staff('admin'),
    world.clinic(),
  ]);
  const { number } = await world.letter(doctor, person, clinic);
  await page.goto('/login');
  await page.getByTestId('privacy-link').click();
  await expect(page.getByTestId('page-privacy')).toContainText('Сведения о здоровье — это особая категория');
  await expect(page.getByTestId('privacy-contact')).toContainText('Электронная почта:');
  await shoot(page, 'privacy', 390);
  await loginThroughForm(page, person.login, person.password);
  await expect(page.getByTestId('home-insured')).toBeVisible();
  await page.goto('/my-data');
  const sharing = page.getByTestId('consent-employer_sharing');
  await expect(page.getByTestId('consent-data_processing')).toContainText('Сведения о здоровье');
  await expect(page.getByTestId('consent-data_processing')).toContainText('Отмечено при регистрации');
  await expect(page.getByTestId('withdraw-data_processing')).toHaveCount(0);
  await expect(sharing).toContainText('Действует');

  const views = page.getByTestId('my-view');
  await expect(views.first()).toContainText(doctorName);
  await expect(page.getByTestId('my-views')).toContainText(number);
  await expect(page.getByTestId('my-views')).toContainText('просмотр гарантийного письма');
  await shoot(page, 'my-data', 390);
  await shoot(page, 'my-data', 1280);

  await page.getByTestId('withdraw-employer_sharing').click();
  await expect(page.getByTestId('withdraw-consequences')).toContainText(
    'работодатель сразу перестанет видеть',
  );
  await page.getByTestId('withdraw-confirm').click();
  await expect(sharing).toContainText('Отозвано в личном кабинете');
  await expect(page.getByTestId('withdraw-employer_sharing')).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('export-pdf').click();
  const pdfPath = test.info().outputPath('personal-data.pdf');
  await (await pdfDownload).saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('Соколова Анна Викторовна');
  expect(text).toContain(number);
  expect(text).toContain(doctorName);

  const jsonDownload = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const jsonPath = test.info().outputPath('personal-data.json');
  await (await jsonDownload).saveAs(jsonPath);
  const data = JSON.parse(readFileSync(jsonPath, 'utf8'));
  expect(data.person.fullName).toBe('Соколова Анна Викторовна');
  expect(data.letters.map((l: { number: string }) => l.number)).toEqual([number]);
  const withdrawn = data.consents.find((c: { kind: string }) => c.kind === 'employer_sharing');
  expect(withdrawn.withdrawnMethod).toBe('account');

  const desk = await adminPage(browser, baseURL ?? '', admin);
  try {
    await desk.page.goto('/admin/personal-data');
    await desk.page.getByTestId('person-search').fill(person.policy);
    await desk.page.getByTestId('person-option').first().click();
    const row = desk.page.getByTestId('view-log-row').filter({ hasText: number }).first();
    await expect(row).toContainText(doctorName);
    await expect(row).toContainText('Соколова Анна Викторовна');
    await expect(desk.page.getByTestId('person-panel')).toContainText('отозвано');
    await shoot(desk.page, 'admin-view-log', 1280);
    await shoot(desk.page, 'admin-view-log', 390);
  } finally {
    await desk.context.close();
  }
});
