import { loginThroughForm } from '../fixtures/login.ts';
import { expect, test } from '../fixtures/world.ts';

test('a wrong password shows a clear Russian error in the form', async ({ page, world }) => {
  const { login } = await world.staff('policyholder_user');
  await loginThroughForm(page, login, 'Wrong-password-1');
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

test('an anonymous visitor is sent to the login page and back after signing in', async ({ page, world }) => {
  // An employer's employee signs in with the password alone, as the form below does.
  const employee = await world.staff('policyholder_user');
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('E-mail или телефон').fill(employee.login);
  await page.getByLabel('Пароль', { exact: true }).fill(employee.password);
  await page.getByLabel('Пароль', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('page-account')).toBeVisible();
});

test('an unknown address shows the 404 page', async ({ page, world }) => {
  const rep = await world.staff('oms_rep');
  await loginThroughForm(page, rep.login, rep.password);
  await expect(page.getByTestId('home-oms_rep')).toBeVisible();
  await page.goto('/no-such-page');
  await expect(page.getByTestId('page-404')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Страница не найдена' })).toBeVisible();
});
