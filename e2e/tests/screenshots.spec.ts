import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loginAs } from '../fixtures/login.ts';

const DIR = '/tmp/shots';
mkdirSync(DIR, { recursive: true });

for (const width of [390, 1280]) {
  test.describe(`screenshots at ${width}px`, () => {
    test.use({ viewport: { width, height: width === 390 ? 844 : 800 } });

    test('login, admin users and audit', async ({ page }) => {
      await page.goto('/login');
      await expect(page.getByTestId('login-form')).toBeVisible();
      await page.screenshot({ path: `${DIR}/login-${width}.png`, fullPage: true });

      await loginAs(page, 'admin@demo.remed.ru', 'home-admin');
      await page.screenshot({ path: `${DIR}/admin-home-${width}.png`, fullPage: true });
      await page.goto('/admin/users');
      await expect(page.getByTestId('user-row').first()).toBeVisible();
      await page.screenshot({ path: `${DIR}/admin-users-${width}.png`, fullPage: true });
      await page.goto('/admin/audit');
      await expect(page.getByTestId('audit-row').first()).toBeVisible();
      await page.screenshot({ path: `${DIR}/audit-${width}.png`, fullPage: true });
    });

    test('insured home', async ({ page }) => {
      await loginAs(page, 'insured@demo.remed.ru', 'home-insured');
      await page.screenshot({ path: `${DIR}/insured-home-${width}.png`, fullPage: true });
    });
  });
}
