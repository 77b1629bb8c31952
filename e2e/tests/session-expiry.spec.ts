import { expect, test } from '@playwright/test';
import { loginAs } from '../fixtures/login.ts';

test('when the session disappears the next data load returns to login, then back', async ({
  page,
  context,
}) => {
  await loginAs(page, 'admin@demo.remed.ru', 'home-admin');
  await context.clearCookies({ name: 'remed_session' });

  await page.getByTestId('main-nav').getByRole('link', { name: 'Журнал действий' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('session-expired')).toHaveText('Сеанс истёк. Войдите снова');

  await page.getByLabel('E-mail или телефон').fill('admin@demo.remed.ru');
  await page.getByLabel('Пароль', { exact: true }).fill('Remed-demo-2026');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByTestId('page-audit')).toBeVisible();
});

test('a reload after the session disappeared also says the session expired', async ({ page, context }) => {
  await loginAs(page, 'insurer@demo.remed.ru', 'home-insurer_user');
  await page.getByTestId('main-nav').getByRole('link', { name: 'Учётная запись' }).click();
  await expect(
    page
      .getByTestId('api-tokens')
      .getByText(/Токенов пока нет|выпущен/)
      .first(),
  ).toBeVisible();
  await context.clearCookies({ name: 'remed_session' });
  await page.reload();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('session-expired')).toBeVisible();
});
