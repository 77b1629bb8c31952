import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { unique } from '../fixtures/accounts.ts';
import type { ApiSession } from '../fixtures/api.ts';
import { contractOfClinic, signatureCodeFor } from '../fixtures/clinic.ts';
import { loginAs } from '../fixtures/login.ts';
import { expect, test } from '../fixtures/world.ts';

/** Fills the signing dialog: post, code by e-mail (demo: every message lands in the outbox), then signs. */
async function signInDialog(page: Page, admin: ApiSession, recipient: string, post: string) {
  const dialog = page.getByTestId('sign-dialog');
  await expect(dialog).toBeVisible();
  const title = (await dialog.locator('p').first().textContent()) ?? '';
  await dialog.getByLabel('Ваша должность').fill(post);
  await dialog.getByTestId('send-code').click();
  await expect(dialog.getByTestId('code-sent')).toContainText('на почту');
  await dialog
    .getByLabel('Код из SMS или письма')
    .fill(await signatureCodeFor(admin, recipient, `«${title}»`));
  await dialog.getByTestId('sign-submit').click();
  await expect(dialog).toBeHidden();
}

test('the clinic forms and signs its contract, the service countersigns; a service act is received and signed', async ({
  page,
  browser,
  world,
}) => {
  test.setTimeout(150_000);
  const admin = world.root;
  // A clinic of the test's own whose contract offered at registration was withdrawn, so it forms one anew;
  // and an employee of the service's contracts department.
  const [clinic, contracts] = await Promise.all([
    world.clinic({ stage: 'registered' }),
    world.staff('admin', { fullName: 'Договорова Елена Павловна' }),
  ]);
  const offered = await contractOfClinic(clinic.api, clinic.id);
  await admin.post(`/api/clinics/${clinic.id}/contracts/${offered.id}/cancel`, {
    reason: 'Реквизиты уточняются',
  });

  // 1. The clinic forms the contract from the template and signs it with a code.
  await loginAs(page, clinic, 'home-clinic_user');
  await page.getByTestId('main-nav').getByRole('link', { name: 'Договор', exact: true }).click();
  await expect(page.getByTestId('page-clinic-contracts')).toBeVisible();
  await page.getByTestId('create-contract').click();
  const card = page.getByTestId('contract-card').first();
  await expect(card.getByTestId('contract-status')).toHaveText('Ожидает подписи клиники');
  const number = (await card.getAttribute('data-number')) ?? '';
  expect(number).toMatch(/^Д-\d{4}-\d{6}$/);
  await card.getByTestId('sign-contract').click();
  await signInDialog(page, admin, clinic.login, 'Главный врач');
  await expect(card.getByTestId('contract-status')).toHaveText('Подписан клиникой, ждёт подписи сервиса');

  // 2. The contracts department countersigns in its own browser.
  const serviceContext = await browser.newContext();
  const service = await serviceContext.newPage();
  await loginAs(service, contracts, 'home-admin');
  await service.getByTestId('main-nav').getByRole('link', { name: 'Договоры с клиниками' }).click();
  const theirs = service.locator(`[data-testid="contract-card"][data-number="${number}"]`);
  await theirs.getByTestId('sign-contract').click();
  await signInDialog(service, admin, contracts.login, 'Директор по договорной работе');
  await expect(theirs.getByTestId('contract-status')).toHaveText('Подписан обеими сторонами');

  // 3. The service sends an act to the clinic.
  await service.getByTestId('main-nav').getByRole('link', { name: 'Документы клиник' }).click();
  await service.getByTestId('clinic-filter').click();
  await service.getByRole('option', { name: new RegExp(clinic.name) }).click();
  const actNumber = unique('А');
  const listed = await admin.ctx.get(`/api/edo/contracts`);
  expect(listed.ok()).toBe(true);
  const pdfFile = test.info().outputPath(`${actNumber}.pdf`);
  const contract = ((await listed.json()) as { id: string; clinicId: string; number: string }[]).find(
    (c) => c.number === number,
  )!;
  writeFileSync(
    pdfFile,
    await (await admin.ctx.get(`/api/clinics/${contract.clinicId}/contracts/${contract.id}/pdf`)).body(),
  );
  await service.getByTestId('upload-document').click();
  const form = service.getByTestId('upload-form');
  await form.getByLabel('Номер документа').fill(actNumber);
  await form.getByLabel('Период с').fill('2026-10-01');
  await form.getByLabel('Период по').fill('2026-10-31');
  await form.getByLabel('Комментарий').fill('Акт сверки кэшбэка за октябрь');
  await service.locator('input[type="file"]').setInputFiles(pdfFile);
  await form.getByRole('button', { name: 'Отправить' }).click();
  await expect(form).toBeHidden();
  await expect(service.getByTestId('document-row').filter({ hasText: actNumber })).toContainText('Отправлен');
  await serviceContext.close();

  // 4. The clinic sees the contract signed by both and downloads the stamped copy.
  await page.reload();
  await expect(card.getByTestId('contract-status')).toHaveText('Подписан обеими сторонами');
  await expect(card.getByTestId('signatures')).toContainText('Главный врач');
  await expect(card.getByTestId('signatures')).toContainText('Директор по договорной работе');
  const downloading = page.waitForEvent('download');
  await card.getByTestId('signed-pdf').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${number}-подписан.pdf`);
  const text = execFileSync('pdftotext', [await download.path(), '-'], { encoding: 'utf8' });
  expect(text.match(/Документ подписан простой электронной подписью/g)).toHaveLength(2);
  expect(
    readFileSync(await download.path())
      .subarray(0, 4)
      .toString('latin1'),
  ).toBe('%PDF');

  // 5. The clinic opens the act (it becomes received) and signs it.
  await page.getByTestId('main-nav').getByRole('link', { name: 'Документы', exact: true }).click();
  const row = page.getByTestId('document-row').filter({ hasText: actNumber });
  await expect(row).toContainText('Отправлен');
  await row.getByRole('button').first().click();
  const drawer = page.getByTestId('document-drawer');
  await expect(drawer.getByTestId('document-status')).toHaveText('Получен');
  await drawer.getByTestId('sign-document').click();
  await signInDialog(page, admin, clinic.login, 'Главный бухгалтер');
  await expect(drawer.getByTestId('document-status')).toHaveText('Подписан');
  await expect(drawer.getByTestId('document-signature')).toContainText('Главный бухгалтер');
  await page.keyboard.press('Escape');
  await expect(row).toContainText('Подписан');

  // The history tells who did what.
  await page.getByTestId('history-tab').click();
  const history = page.getByTestId('history');
  await expect(history).toContainText(`Акт № ${actNumber}`);
  await expect(history).toContainText('Получен');
});
