import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { loginThroughForm } from '../fixtures/login.ts';
import { freshCode, knownAuthenticator, rememberAuthenticator } from '../fixtures/second-factor.ts';
import { expect, test } from '../fixtures/world.ts';

async function signOut(page: Page) {
  await page.getByTestId('main-nav').getByRole('button', { name: 'Выйти' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

test('a new console doctor sets up the authenticator, then signs in with a code and with a recovery code', async ({
  page,
  world,
}, testInfo) => {
  const { login, password } = await world.staff('console_doctor', {
    fullName: 'Соколова Ирина Андреевна',
    secondFactor: 'leave',
  });

  // The first sign-in with the password leads straight to the set-up, whatever address was asked for.
  await page.setViewportSize({ width: 1280, height: 900 });
  await loginThroughForm(page, login, password);
  const setup = page.getByTestId('page-second-factor-setup');
  await expect(setup).toBeVisible();
  await page.goto('/notifications');
  await expect(page).toHaveURL(/\/second-factor\/setup$/);
  await expect(page.getByTestId('second-factor-qr')).toBeVisible();
  const shownSecret = (await page.getByTestId('second-factor-secret').textContent()) ?? '';
  expect(shownSecret).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
  await page.screenshot({ path: testInfo.outputPath('second-factor-setup-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('second-factor-qr')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('second-factor-setup-390.png'), fullPage: true });

  // The person types the secret into the app by hand; the test computes what the app would show.
  rememberAuthenticator(login, shownSecret.replace(/\s/g, ''));
  await page.getByLabel('Код из приложения').fill('000000');
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(page.getByText('Неверный код. Введите шесть цифр')).toBeVisible();
  await page.getByLabel('Код из приложения').fill(await freshCode(login));
  await page.getByRole('button', { name: 'Подтвердить' }).click();

  const codesPanel = page.getByTestId('recovery-codes');
  await expect(codesPanel).toBeVisible();
  const codes = (await page.getByTestId('recovery-code').allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  await page.screenshot({ path: testInfo.outputPath('recovery-codes-390.png'), fullPage: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Скачать .txt' }).click(),
  ]);
  const file = testInfo.outputPath('recovery-codes.txt');
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  for (const c of codes) expect(text).toContain(c);
  expect(text).toContain(login);

  await page.getByRole('button', { name: 'Готово, коды сохранены' }).click();
  await expect(page.getByTestId('home-console_doctor')).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 900 });
  await signOut(page);
  // Password, then a code from the app.
  await loginThroughForm(page, login, password);
  await expect(page.getByTestId('home-console_doctor')).toBeVisible();
  await signOut(page);

  // Password, then a recovery code instead of the phone; the same code does not work twice.
  expect(knownAuthenticator(login)).toBeDefined();
  const recoveryLogin = async () => {
    await page.getByLabel('E-mail или телефон').fill(login);
    await page.getByLabel('Пароль', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page.getByTestId('second-factor-form')).toBeVisible();
  };
  await page.goto('/login');
  await recoveryLogin();
  await page.getByTestId('second-factor-form').getByLabel('Код').fill(codes[0]!.toUpperCase());
  await page.getByTestId('second-factor-form').getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByTestId('home-console_doctor')).toBeVisible();

  await page.getByTestId('main-nav').getByRole('link', { name: 'Учётная запись' }).click();
  await expect(page.getByTestId('second-factor')).toContainText('подключён');
  await expect(page.getByTestId('recovery-codes-left')).toHaveText('9');
  await signOut(page);

  await recoveryLogin();
  await page.getByTestId('second-factor-form').getByLabel('Код').fill(codes[0]!);
  await page.getByTestId('second-factor-form').getByRole('button', { name: 'Войти', exact: true }).click();
  await expect(page.getByTestId('second-factor-error')).toContainText('уже использован');
});
