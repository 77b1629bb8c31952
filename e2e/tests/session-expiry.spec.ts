import type { Page } from '@playwright/test';
import { loginThroughForm } from '../fixtures/login.ts';
import { expect, test, type World } from '../fixtures/world.ts';

/** An employer's employee of the test's own, signed in with the password alone. */
async function signedInEmployee(page: Page, world: World) {
  const employee = await world.staff('policyholder_user');
  await loginThroughForm(page, employee.login, employee.password);
  return employee;
}

/**
 * Background polls (notifications every 20 s) would otherwise be the first call to find the session
 * gone, and the test would race them over which address login returns to.
 */
async function holdBackgroundPolls(page: Page) {
  await page.route('**/api/notifications**', () => undefined);
}

test('when the session disappears the next data load returns to login, then back', async ({
  page,
  context,
  world,
}) => {
  const { login, password } = await signedInEmployee(page, world);
  await expect(page.getByTestId('home-policyholder_user')).toBeVisible();
  await holdBackgroundPolls(page);
  await context.clearCookies({ name: 'remed_session' });

  await page.getByTestId('main-nav').getByRole('link', { name: 'Учётная запись' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('session-expired')).toHaveText('Сеанс истёк. Войдите снова');

  await page.getByLabel('E-mail или телефон').fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('page-account')).toBeVisible();
});

test('a reload after the session disappeared also says the session expired', async ({
  page,
  context,
  world,
}) => {
  await signedInEmployee(page, world);
  await page.getByTestId('main-nav').getByRole('link', { name: 'Учётная запись' }).click();
  await expect(page.getByTestId('page-account')).toBeVisible();
  await context.clearCookies({ name: 'remed_session' });
  await page.reload();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('session-expired')).toBeVisible();
});
