import { expect, type Page, test } from '@playwright/test';
import { apiSession, newUser } from '../fixtures/api.ts';
import { loginThroughForm } from '../fixtures/login.ts';

const PASSWORD = 'Session-expiry-2026';

async function employerOfItsOwn(baseURL: string): Promise<string> {
  const admin = await apiSession(baseURL, 'admin@demo.remed.ru');
  const { policyholders } = await admin.get<{ policyholders: { id: string }[] }>('/api/admin/organisations');
  const login = await newUser(baseURL, admin, {
    prefix: 'session-expiry',
    fullName: 'Кузнецова Ольга Петровна',
    roles: ['policyholder_user'],
    policyholderId: policyholders[0]!.id,
    password: PASSWORD,
  });
  await admin.dispose();
  return login;
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
  baseURL,
}) => {
  const login = await employerOfItsOwn(baseURL ?? '');
  await loginThroughForm(page, login, PASSWORD);
  await expect(page.getByTestId('home-policyholder_user')).toBeVisible();
  await holdBackgroundPolls(page);
  await context.clearCookies({ name: 'remed_session' });

  await page.getByTestId('main-nav').getByRole('link', { name: 'Учётная запись' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('session-expired')).toHaveText('Сеанс истёк. Войдите снова');

  await page.getByLabel('E-mail или телефон').fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('page-account')).toBeVisible();
});

test('a reload after the session disappeared also says the session expired', async ({
  page,
  context,
  baseURL,
}) => {
  const login = await employerOfItsOwn(baseURL ?? '');
  await loginThroughForm(page, login, PASSWORD);
  await page.getByTestId('main-nav').getByRole('link', { name: 'Учётная запись' }).click();
  await expect(page.getByTestId('page-account')).toBeVisible();
  await context.clearCookies({ name: 'remed_session' });
  await page.reload();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('session-expired')).toBeVisible();
});
