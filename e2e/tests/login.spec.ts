import { expect, test } from '@playwright/test';
import { loginThroughForm } from '../fixtures/login.ts';

test('a wrong password shows a clear Russian error in the form', async ({ page }) => {
  await loginThroughForm(page, 'doctor@demo.remed.ru', 'Wrong-password-1');
  await expect(page.getByTestId('login-error')).toHaveText('Неверный логин или пароль');
  await expect(page).toHaveURL(/\/login$/);
});

test('empty fields are explained next to the inputs', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByLabel('E-mail или телефон')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Введите e-mail или телефон')).toBeVisible();
  await expect(page.getByText('Введите пароль')).toBeVisible();
});

test('an anonymous visitor is sent to the login page and back after signing in', async ({ page }) => {
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('E-mail или телефон').fill('oms2@demo.remed.ru');
  await page.getByLabel('Пароль', { exact: true }).fill('Remed-demo-2026');
  await page.getByLabel('Пароль', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('page-account')).toBeVisible();
});

test('an unknown address shows the 404 page', async ({ page }) => {
  await loginThroughForm(page, 'oms1@demo.remed.ru');
  await expect(page.getByTestId('home-oms_rep')).toBeVisible();
  await page.goto('/no-such-page');
  await expect(page.getByTestId('page-404')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Страница не найдена' })).toBeVisible();
});
