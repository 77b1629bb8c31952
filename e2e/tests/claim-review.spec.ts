import { claimOnLetter } from '../fixtures/claims.ts';
import { loginAs } from '../fixtures/login.ts';
import { insuredPage, rub, shoot } from '../fixtures/screens.ts';
import { expect, test } from '../fixtures/world.ts';

test('the console doctor reviews a receipt next to the letter and decides it line by line with a reason', async ({
  page,
  world,
}) => {
  const { clinic, insured, doctor, letter } = await world.visit();
  // A till that prints «Медицинская услуга» instead of the service: the engine refers it to a person.
  const claim = await claimOnLetter(clinic.api, insured.api, letter.id, { unidentifiedItem: true });
  await expect
    .poll(async () => (await insured.api.get<{ status: string }>(`/api/me/claims/${claim.id}`)).status, {
      timeout: 30_000,
    })
    .toBe('manual_review');

  await loginAs(page, doctor, 'home-console_doctor');
  await page.getByTestId('main-nav').getByRole('link', { name: 'Ручная проверка' }).click();
  await page
    .getByTestId('review-row')
    .filter({ hasText: letter.number })
    .getByRole('link', { name: /^Проверить/ })
    .click();
  const review = page.getByTestId('page-review');
  await expect(review.getByTestId('review-line')).toHaveCount(1);
  await expect(review.getByTestId('review-line')).toContainText('Медицинская услуга');
  await expect(review.getByTestId('review-letter')).toContainText('B01.047.001');
  await shoot(page, 'review');

  // A reason is required for either decision.
  await review.getByTestId('review-reject').click();
  await expect(review.getByText('Укажите причину решения')).toBeVisible();

  // The engine could not name the item; the doctor says which letter line it is and sees the result first.
  await expect(review.getByTestId('review-preview')).toContainText(rub('Возмещение 0,00 ₽'));
  await review.getByTestId('review-line-select').click();
  await page.getByRole('option', { name: /^1\. Прием/ }).click();
  await expect(review.getByTestId('review-preview')).toContainText(rub('Возмещение 2 500,00 ₽'));
  await expect(review.getByTestId('review-line-preview')).toContainText('возмещено');
  await review.getByTestId('review-note').fill('По записи клиники это первичный приём терапевта из письма');
  await review.getByTestId('review-approve').click();
  await expect(page.getByTestId('page-reviews')).toBeVisible();
  await expect(page.getByTestId('review-row').filter({ hasText: letter.number })).toHaveCount(0);
  const decided = await insured.api.get<{ status: string; reimbursement: number; cashback: number }>(
    `/api/me/claims/${claim.id}`,
  );
  expect(decided.status).not.toBe('manual_review');
  expect(decided).toMatchObject({ reimbursement: 250_000, cashback: 12_500 });
});

test('the admin sees the payout reconciliation; the insured keeps СБП details on the account page', async ({
  page,
  browser,
  world,
}) => {
  const [admin, insured] = await Promise.all([world.staff('admin'), world.insured()]);
  await loginAs(page, admin, 'home-admin');
  await page.getByTestId('main-nav').getByRole('link', { name: 'Сверка выплат' }).click();
  await expect(page.getByTestId('reconciliation-total')).toBeVisible();
  await expect(page.getByTestId('total-paid')).toHaveText(/₽/);
  await shoot(page, 'reconciliation');

  const { context, page: phone } = await insuredPage(browser, insured);
  await phone.getByTestId('main-nav').getByRole('link', { name: 'Учётная запись' }).click();
  const details = phone.getByTestId('payout-details');
  await expect(details.getByLabel('Телефон для СБП')).toHaveValue(/^\+7 916 /);
  await expect(details.getByRole('textbox', { name: 'Банк' })).toHaveValue('Сбербанк');
  await context.close();
});
