import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../fixtures/accounts.ts';
import { loginThroughForm } from '../fixtures/login.ts';

for (const account of DEMO_ACCOUNTS) {
  test(`${account.login} signs in and sees the ${account.role} home`, async ({ page }) => {
    await loginThroughForm(page, account.login);
    await expect(page).toHaveURL('/');
    const home = page.getByTestId(`home-${account.role}`);
    await expect(home).toBeVisible();
    await expect(home.getByRole('heading', { level: 1 })).toHaveText(account.heading);
    await expect(page.getByTestId('user-menu')).toBeVisible();
  });
}

test('admin home shows the figures as links to the admin pages', async ({ page }) => {
  await loginThroughForm(page, 'admin@demo.remed.ru');
  const home = page.getByTestId('home-admin');
  await home.getByRole('link', { name: /^Пользователи: \d+/ }).click();
  await expect(page.getByTestId('page-users')).toBeVisible();
});

test('clinic network employee switches the clinic in the header', async ({ page }) => {
  await loginThroughForm(page, 'clinic@demo.remed.ru');
  const home = page.getByTestId('home-clinic_user');
  await expect(home.getByTestId('clinic-card')).toHaveCount(2);
  await expect(home.getByTestId('clinic-card').first()).toContainText('услуг');
  const switcher = page.getByRole('textbox', { name: 'Клиника, от имени которой вы работаете' });
  const first = await switcher.inputValue();
  await switcher.click();
  const other = page.getByRole('option').filter({ hasNotText: first }).first();
  const otherName = (await other.textContent()) ?? '';
  await other.click();
  await expect(home).toContainText(`Вы работаете от имени: ${otherName}`);
  await page.reload();
  await expect(page.getByTestId('home-clinic_user')).toContainText(`Вы работаете от имени: ${otherName}`);
});
