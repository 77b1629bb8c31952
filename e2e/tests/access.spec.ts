import { loginAs } from '../fixtures/login.ts';
import { expect, test } from '../fixtures/world.ts';

test('the insured cannot use staff API and sees «Недостаточно прав» on staff pages', async ({
  page,
  world,
}) => {
  await loginAs(page, await world.insured(), 'home-insured');

  const res = await page.request.get('/api/admin/users');
  expect(res.status()).toBe(403);
  expect((await res.json()).code).toBe('FORBIDDEN');

  await page.goto('/admin/users');
  await expect(page.getByTestId('page-403')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Недостаточно прав' })).toBeVisible();
  await expect(page.getByTestId('main-nav').getByRole('link', { name: 'Пользователи' })).toHaveCount(0);
});

test('the insured has no API tokens section', async ({ page, world }) => {
  await loginAs(page, await world.insured(), 'home-insured');
  await page.getByTestId('main-nav').getByRole('link', { name: 'Учётная запись' }).click();
  await expect(page.getByTestId('change-password-form')).toBeVisible();
  await expect(page.getByTestId('api-tokens')).toHaveCount(0);
});
