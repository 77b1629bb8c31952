import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { unique } from '../fixtures/accounts.ts';
import { loginAs, loginThroughForm } from '../fixtures/login.ts';
import { expect, test } from '../fixtures/world.ts';

async function pickOption(page: Page, label: string, option: string) {
  await page.getByRole('dialog').getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

async function createUser(page: Page, email: string, fullName: string, role: string) {
  await page.getByTestId('main-nav').getByRole('link', { name: 'Пользователи' }).click();
  await page.getByRole('button', { name: 'Новый пользователь' }).click();
  const form = page.getByTestId('create-user-form');
  await form.getByLabel('ФИО').fill(fullName);
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Временный пароль').fill('Temp-pass-2026');
  await pickOption(page, 'Роли', role);
  await form.getByRole('button', { name: 'Создать' }).click();
  await expect(page.getByText(`Пользователь ${fullName} создан`)).toBeVisible();
}

async function openUser(page: Page, email: string) {
  await page.getByLabel('Поиск').fill(email);
  const row = page.getByTestId('user-row').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: /^Изменить/ }).click();
  await expect(page.getByTestId('edit-user')).toBeVisible();
}

test('admin creates a user, changes the role and finds both in the audit log and its CSV', async ({
  page,
  world,
}) => {
  const email = `${unique('e2e-user')}@example.ru`;
  const fullName = `Тестов Пётр ${unique('x').slice(-6)}`;
  await loginAs(page, await world.staff('admin'), 'home-admin');
  await createUser(page, email, fullName, 'Врач пульта');

  await openUser(page, email);
  const edit = page.getByTestId('edit-user-form');
  // Chosen roles are drawn as pills over the input, so the click goes to the field wrapper.
  await edit.getByLabel('Роли', { exact: true }).click({ force: true });
  await page.getByRole('option', { name: 'Врач пульта', exact: true }).click();
  await page.getByRole('option', { name: 'Застрахованный', exact: true }).click();
  await page.keyboard.press('Escape');
  await edit.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Изменения сохранены')).toBeVisible();
  await expect(page.getByTestId('user-row').filter({ hasText: email })).toContainText('Застрахованный');

  await page.getByRole('link', { name: 'Журнал действий по этому пользователю' }).click();
  await expect(page.getByTestId('page-audit')).toBeVisible();
  const rows = page.getByTestId('audit-row');
  await expect(rows.and(page.locator('[data-action="user.created"]'))).toHaveCount(1);
  await expect(rows.and(page.locator('[data-action="user.roles_changed"]'))).toHaveCount(1);
  await expect(page.getByText('user.roles_changed')).toBeVisible();

  const changed = rows.and(page.locator('[data-action="user.roles_changed"]'));
  await changed.getByRole('button', { name: 'Показать подробности' }).click();
  await expect(page.getByText('Было', { exact: true })).toBeVisible();
  await expect(page.getByText('Стало', { exact: true })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Скачать CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-.*\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv).toContain(email);
  expect(csv).toContain('user.roles_changed');
});

test('a new user must replace the temporary password before anything else', async ({
  page,
  browser,
  world,
}) => {
  const email = `${unique('e2e-temp')}@example.ru`;
  await loginAs(page, await world.staff('admin'), 'home-admin');
  await createUser(page, email, 'Временнова Анна Ильинична', 'Врач пульта');

  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await loginThroughForm(newcomer, email, 'Temp-pass-2026');
  await expect(newcomer.getByTestId('page-change-password')).toBeVisible();
  await newcomer.goto('/account');
  await expect(newcomer.getByTestId('page-change-password')).toBeVisible();

  await newcomer.getByLabel('Текущий пароль').fill('Temp-pass-2026');
  await newcomer.getByLabel('Новый пароль', { exact: true }).fill('short');
  await newcomer.getByRole('button', { name: 'Сменить пароль' }).click();
  await expect(newcomer.getByText('Пароль должен быть не короче 10 символов')).toBeVisible();

  await newcomer.getByLabel('Новый пароль', { exact: true }).fill('My-own-pass-2026');
  await newcomer.getByLabel('Новый пароль ещё раз').fill('My-own-pass-2026');
  await newcomer.getByRole('button', { name: 'Сменить пароль' }).click();
  // Staff then set up the code from the phone (staff-second-factor.spec.ts goes on from here).
  await expect(newcomer.getByTestId('page-second-factor-setup')).toBeVisible();
  await context.close();
});

test('admin blocks a user after confirming, and the user can no longer sign in', async ({
  page,
  browser,
  world,
}) => {
  const email = `${unique('e2e-block')}@example.ru`;
  await loginAs(page, await world.staff('admin'), 'home-admin');
  await createUser(page, email, 'Блокова Вера Павловна', 'Врач пульта');
  await openUser(page, email);
  await page.getByTestId('edit-user').getByRole('button', { name: 'Заблокировать' }).click();
  const confirm = page.getByRole('dialog', { name: 'Заблокировать пользователя?' });
  await confirm.getByRole('button', { name: 'Заблокировать' }).click();
  await expect(page.getByText('Пользователь заблокирован', { exact: true })).toBeVisible();

  const context = await browser.newContext();
  const blocked = await context.newPage();
  await loginThroughForm(blocked, email, 'Temp-pass-2026');
  await expect(blocked.getByTestId('login-error')).toContainText('заблокирована');
  await context.close();
});

test('the form asks for the organisation of an organisation role', async ({ page, world }) => {
  await loginAs(page, await world.staff('admin'), 'home-admin');
  await page.getByTestId('main-nav').getByRole('link', { name: 'Пользователи' }).click();
  await page.getByRole('button', { name: 'Новый пользователь' }).click();
  const form = page.getByTestId('create-user-form');
  await form.getByLabel('ФИО').fill('Организацинов Олег');
  await form.getByLabel('E-mail').fill(`${unique('e2e-org')}@example.ru`);
  await form.getByLabel('Временный пароль').fill('Temp-pass-2026');
  await pickOption(page, 'Роли', 'Страховая компания');
  await expect(form.getByLabel('Страховая компания', { exact: true })).toBeVisible();
  await form.getByRole('button', { name: 'Создать' }).click();
  await expect(form.getByRole('alert').or(form.locator('.mantine-InputWrapper-error'))).not.toHaveCount(0);
  await expect(page.getByRole('dialog')).toBeVisible();
});
