import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../fixtures/accounts.ts';
import { loginThroughForm } from '../fixtures/login.ts';

// The one spec about the demo itself: every printed account signs in and finds the demo's data at home.
// Every other spec makes its own world and leaves the demo's data alone, so what this one sees stays put.

for (const account of DEMO_ACCOUNTS) {
  test(`${account.login} signs in and sees the ${account.role} home with the demo's data`, async ({
    page,
  }) => {
    await loginThroughForm(page, account.login, DEMO_PASSWORD);
    await expect(page).toHaveURL('/');
    const home = page.getByTestId(`home-${account.role}`);
    await expect(home).toBeVisible();
    await expect(home.getByRole('heading', { level: 1 })).toHaveText(account.heading);
    await expect(home).toContainText(account.shows);
    await expect(page.getByTestId('user-menu')).toBeVisible();
  });
}

test('admin home shows the figures as links to the admin pages', async ({ page }) => {
  await loginThroughForm(page, 'admin@demo.remed.ru', DEMO_PASSWORD);
  const home = page.getByTestId('home-admin');
  await home.getByRole('link', { name: /^Пользователи: \d+/ }).click();
  await expect(page.getByTestId('page-users')).toBeVisible();
});

test('clinic network employee switches the clinic in the header', async ({ page }) => {
  await loginThroughForm(page, 'clinic@demo.remed.ru', DEMO_PASSWORD);
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
