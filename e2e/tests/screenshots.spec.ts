import { loginAs } from '../fixtures/login.ts';
import { expect, test } from '../fixtures/world.ts';

for (const width of [390, 1280]) {
  test.describe(`screenshots at ${width}px`, () => {
    test.use({ viewport: { width, height: width === 390 ? 844 : 800 } });

    test('login, admin users and audit', async ({ page, world }) => {
      await page.goto('/login');
      await expect(page.getByTestId('login-form')).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`login-${width}.png`), fullPage: width === 1280 });

      await loginAs(page, await world.staff('admin'), 'home-admin');
      await expect(page.getByRole('link', { name: /^Пользователи: \d+/ })).toBeVisible();
      await page.screenshot({
        path: test.info().outputPath(`admin-home-${width}.png`),
        fullPage: width === 1280,
      });
      await page.goto('/admin/users');
      await expect(page.getByTestId('user-row').first()).toBeVisible();
      await page.screenshot({
        path: test.info().outputPath(`admin-users-${width}.png`),
        fullPage: width === 1280,
      });
      await page.goto('/admin/audit');
      await expect(page.getByTestId('audit-row').first()).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`audit-${width}.png`), fullPage: width === 1280 });
    });

    test('insured home', async ({ page, world }) => {
      await loginAs(page, await world.insured(), 'home-insured');
      await page.screenshot({
        path: test.info().outputPath(`insured-home-${width}.png`),
        fullPage: width === 1280,
      });
    });
  });
}

test.describe('forms on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('create user form and user drawer', async ({ page, world }) => {
    await loginAs(page, await world.staff('admin'), 'home-admin');
    await page.goto('/admin/users');
    await page.getByRole('button', { name: 'Новый пользователь' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Создать' }).click();
    await page.screenshot({ path: test.info().outputPath(`create-user-390.png`) });
    await page.keyboard.press('Escape');
    await page
      .getByTestId('user-row')
      .first()
      .getByRole('button', { name: /^Изменить/ })
      .click();
    await expect(page.getByTestId('edit-user')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`edit-user-390.png`) });
  });
});
