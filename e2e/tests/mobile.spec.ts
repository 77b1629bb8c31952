import { loginAs } from '../fixtures/login.ts';
import { expect, test } from '../fixtures/world.ts';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('the insured home fits a phone screen and the burger opens the navigation', async ({ page, world }) => {
  await loginAs(page, await world.insured(), 'home-insured');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  const nav = page.getByTestId('main-nav');
  await expect(nav).not.toBeInViewport();
  await page.getByRole('button', { name: 'Открыть меню' }).click();
  await expect(nav).toBeInViewport();
  await nav.getByRole('link', { name: 'Учётная запись' }).click();
  await expect(page.getByTestId('page-account')).toBeVisible();
  await expect(nav).not.toBeInViewport();
});

test('admin pages do not scroll the whole page sideways on a phone', async ({ page, world }) => {
  await loginAs(page, await world.staff('admin'), 'home-admin');
  for (const path of ['/', '/admin/users', '/admin/audit', '/admin/outbox', '/account']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
