import { type Browser, expect, type Page, test } from '@playwright/test';
import { unique } from '../fixtures/accounts.ts';
import { apiSession } from '../fixtures/api.ts';
import {
  DEMO_PHONE,
  issueLetter,
  qrFields,
  seedLetter,
  setPayoutDetails,
  type TillReceipt,
} from '../fixtures/claims.ts';
import { loginAs } from '../fixtures/login.ts';

const rub = (text: string) => new RegExp(text.replace(/ /g, '\\s'));

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: test.info().outputPath(`${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath(`${name}-390.png`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} fits a phone screen`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function insuredPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, 'insured@demo.remed.ru', 'home-insured');
  return { context, page };
}

// Both tests change where the demo insured's money goes, so they run one after the other.
test.describe
  .serial('receipt to money', () => {
    test('the clinic prints a receipt at the demo till, the insured uploads its QR photo and gets the money', async ({
      page,
      browser,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const insuredApi = await apiSession(baseURL ?? '', 'insured@demo.remed.ru');
      const letter = await seedLetter(insuredApi);
      await insuredApi.dispose();

      // 1. The clinic prints a receipt with an item that is not in the letter.
      await loginAs(page, 'clinic@demo.remed.ru', 'home-clinic_user');
      await page.getByTestId('main-nav').getByRole('link', { name: 'Демо-касса' }).click();
      const till = page.getByTestId('page-till');
      await till.getByTestId('till-letter').click();
      await page.getByRole('option', { name: new RegExp(letter.number) }).click();
      await till.getByLabel('Лишняя позиция (бахилы)').check();
      await till.getByTestId('till-print').click();
      const receipt = page.getByTestId('till-receipt');
      await expect(receipt.getByTestId('till-item')).toHaveCount(3);
      await expect(receipt).toContainText('Бахилы одноразовые');
      await expect(receipt.getByTestId('till-qr')).toBeVisible();
      await shoot(page, 'till');

      const downloading = page.waitForEvent('download');
      await receipt.getByTestId('till-download').click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/\.png$/);
      const png = test.info().outputPath('receipt-qr.png');
      await download.saveAs(png);

      // 2. The insured, on her phone, opens the letter and sends the photo of the receipt.
      const { context, page: insured } = await insuredPage(browser);
      await insured.goto(`/letters/${letter.id}`);
      await insured.getByTestId('letter-claim').click();
      const flow = insured.getByTestId('page-claim-new');
      await expect(flow.getByTestId('claim-letter')).toHaveValue(new RegExp(letter.number));
      await flow.getByTestId('claim-mode-photo').click();
      await flow.getByTestId('claim-photo-input').setInputFiles(png);

      // 3. The decision line by line: the shoe covers are not reimbursed.
      const claim = insured.getByTestId('page-claim');
      await expect(claim).toBeVisible({ timeout: 20_000 });
      const lines = claim.getByTestId('claim-line');
      await expect(lines).toHaveCount(3);
      const extra = lines.filter({ hasText: 'Бахилы одноразовые' });
      await expect(extra).toHaveAttribute('data-approved', '0');
      await expect(extra).toContainText('не возмещается');
      await expect(lines.filter({ hasText: 'врача-терапевта' })).toContainText('возмещено');

      // 4. The page refreshes itself until the money is sent.
      await expect(claim.getByTestId('claim-status')).toHaveText('Деньги отправлены', { timeout: 30_000 });
      await expect(claim.getByTestId('claim-reimbursement')).toHaveText(rub('3 700,00 ₽'));
      await expect(claim.getByTestId('claim-cashback')).toHaveText(rub('185,00 ₽'));
      await expect(claim.getByTestId('claim-total')).toHaveText(rub('3 885,00 ₽'));
      await expect(claim.getByTestId('payout-status')).toContainText('Деньги отправлены');
      await shoot(insured, 'claim');

      // 5. The list shows it; the same receipt a second time is refused in plain words.
      await insured.getByTestId('main-nav').getByRole('link', { name: 'Мои чеки и выплаты' }).click();
      await expect(insured.getByTestId('claim-row').first()).toBeVisible();
      await insured.goto(`/claims/new?letter=${letter.id}`);
      await flow.getByTestId('claim-mode-photo').click();
      await flow.getByTestId('claim-photo-input').setInputFiles(png);
      await expect(flow.getByTestId('claim-error')).toContainText('Этот чек уже был отправлен');
      await expect(flow.getByTestId('claim-error')).toContainText('Этот чек уже отправлен');

      // 6. The receipt used every service of the letter: the insured sees it used, the till offers it no more.
      await insured.goto(`/letters/${letter.id}`);
      const used = insured.getByTestId('page-letter');
      await expect(used.getByTestId('letter-status')).toHaveText('Использовано');
      await expect(used.getByTestId('letter-used-up')).toBeVisible();
      await expect(used.getByTestId('letter-claim')).toHaveCount(0);
      await shoot(insured, 'letter-used-up');
      await insured.goto('/letters');
      await expect(
        insured.getByTestId('letter-row').filter({ hasText: letter.number }).getByTestId('letter-status'),
      ).toHaveText('Использовано');
      await context.close();
      await page.reload();
      const choice = page.getByTestId('page-till').getByTestId('till-letter');
      await expect(choice).toBeVisible();
      // With no letter left to sell on, the list is empty and cannot open at all.
      if (await choice.isEnabled()) {
        await choice.click();
        await expect(page.getByRole('option').first()).toBeVisible();
        await expect(page.getByRole('option', { name: new RegExp(letter.number) })).toHaveCount(0);
        await page.keyboard.press('Escape');
      }
      // …and the letters list of its clinic finds it under «Использованы».
      const switcher = page.getByTestId('clinic-switcher');
      await switcher.click();
      await page.getByRole('option', { name: letter.clinic.name, exact: true }).click();
      await expect(switcher).toHaveValue(letter.clinic.name);
      await page.getByTestId('main-nav').getByRole('link', { name: 'Гарантийные письма' }).click();
      await page.getByTestId('page-letters').getByText('Использованы', { exact: true }).click();
      const row = page.getByTestId('letter-row').filter({ hasText: letter.number });
      await expect(row.getByTestId('letter-status')).toHaveText('Использовано');
      // Other tests use up letters of this clinic too: every row here is a used-up one.
      await expect(
        page.getByTestId('letter-row').getByTestId('letter-status').filter({ hasNotText: 'Использовано' }),
      ).toHaveCount(0);
      await shoot(page, 'clinic-letters-used-up');
    });

    test('the bank refuses the transfer: the insured fixes the СБП phone and retries', async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(90_000);
      const insuredApi = await apiSession(baseURL ?? '', 'insured@demo.remed.ru');
      const doctor = await apiSession(baseURL ?? '', 'doctor@demo.remed.ru');
      const clinic = await apiSession(baseURL ?? '', 'clinic@demo.remed.ru');
      try {
        const seed = await seedLetter(insuredApi);
        const letterId = await issueLetter(
          doctor,
          seed.clinic.id,
          `Чек, который банк не примет (${unique('e2e')})`,
        );
        // The payouts simulator has no account for a phone ending in 0000.
        await setPayoutDetails(insuredApi, '+79160000000');
        const till = await clinic.post<TillReceipt>('/api/demo/till', { letterId });
        const submitted = await insuredApi.post<{ id: string }>('/api/me/claims', {
          letterId,
          qr: till.qr,
          source: 'manual',
        });

        await loginAs(page, 'insured@demo.remed.ru', 'home-insured');
        await page.goto(`/claims/${submitted.id}`);
        const claim = page.getByTestId('page-claim');
        await expect(claim.getByTestId('claim-status')).toHaveText('Не удалось перевести деньги', {
          timeout: 30_000,
        });
        const failed = claim.getByTestId('payout-failed');
        await expect(failed).toContainText('нет счёта');
        await failed.getByLabel('Телефон для СБП').fill('+7 916 123-45-67');
        await failed.getByTestId('payout-details-save').click();
        await expect(page.getByText('Данные для перевода сохранены')).toBeVisible();
        await failed.getByTestId('payout-retry').click();
        await expect(claim.getByTestId('claim-status')).toHaveText('Деньги отправлены', { timeout: 30_000 });
      } finally {
        await setPayoutDetails(insuredApi, DEMO_PHONE);
        await Promise.all([insuredApi.dispose(), doctor.dispose(), clinic.dispose()]);
      }
    });
  });

test('manual entry with a wrong ФП: the FNS does not know the receipt and the claim is refused', async ({
  page,
  baseURL,
}) => {
  const insuredApi = await apiSession(baseURL ?? '', 'insured@demo.remed.ru');
  const doctor = await apiSession(baseURL ?? '', 'doctor@demo.remed.ru');
  const clinic = await apiSession(baseURL ?? '', 'clinic@demo.remed.ru');
  // A letter of its own: the seed letter may be used up by the time this test runs.
  const seed = await seedLetter(insuredApi);
  const letterId = await issueLetter(doctor, seed.clinic.id, `Ручной ввод (${unique('e2e')})`);
  const letter = await insuredApi.get<{ id: string; number: string }>(`/api/letters/${letterId}`);
  const till = await clinic.post<TillReceipt>('/api/demo/till', { letterId });
  await Promise.all([insuredApi.dispose(), doctor.dispose(), clinic.dispose()]);
  const f = qrFields(till.qr);

  await loginAs(page, 'insured@demo.remed.ru', 'home-insured');
  await page.getByTestId('claim-start').click();
  const flow = page.getByTestId('page-claim-new');
  const letterSelect = flow.getByTestId('claim-letter');
  if (!(await letterSelect.inputValue()).includes(letter.number)) {
    await letterSelect.click();
    await page.getByRole('option', { name: new RegExp(letter.number) }).click();
  }
  await flow.getByTestId('claim-mode-manual').click();
  const form = flow.getByTestId('manual-entry');

  // Nothing typed: every field says what is missing.
  await form.getByTestId('manual-submit').click();
  await expect(form.getByText('Номер ФН — ровно 16 цифр')).toBeVisible();

  await form.getByLabel('Дата покупки').fill(f.date);
  await form.getByLabel('Время покупки').fill(f.time);
  await form.getByLabel('Сумма чека, ₽').fill(f.sum);
  await form.getByLabel('Номер ФН').fill(f.fn);
  await form.getByLabel('Номер ФД').fill(f.i);
  await form.getByLabel('Фискальный признак (ФП)').fill(String((Number(f.fp) + 1) % 4_294_967_295));
  await expect(form.getByRole('radio', { name: 'Приход (покупка)' })).toBeChecked();
  await form.getByTestId('manual-submit').click();

  const claim = page.getByTestId('page-claim');
  await expect(claim.getByTestId('claim-status')).toHaveText('Отказано', { timeout: 20_000 });
  await expect(claim.getByTestId('claim-summary')).toContainText('ФНС не знает такого чека');
  await expect(claim.getByTestId('claim-totals')).toHaveCount(0);
});

test('the camera: a refusal is explained, and a QR code in front of the camera is read in the browser', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  // Denied: the page says what to do instead.
  const { context, page } = await insuredPage(browser);
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await page.goto('/claims/new');
  const flow = page.getByTestId('page-claim-new');
  const letterSelect = flow.getByTestId('claim-letter');
  await letterSelect.click();
  await page.getByRole('option').first().click();
  await flow.getByTestId('claim-mode-camera').click();
  await expect(flow.getByTestId('camera-error')).toContainText('Нет доступа к камере');
  await context.close();

  // WebAssembly needs 'wasm-unsafe-eval' in the page's Content-Security-Policy.
  const csp = (await (await browser.newContext()).request.get(`${baseURL}/`)).headers()[
    'content-security-policy'
  ];
  test.skip(!csp?.includes('wasm-unsafe-eval'), "the server's CSP does not allow WebAssembly yet");

  const insuredApi = await apiSession(baseURL ?? '', 'insured@demo.remed.ru');
  const doctor = await apiSession(baseURL ?? '', 'doctor@demo.remed.ru');
  const clinic = await apiSession(baseURL ?? '', 'clinic@demo.remed.ru');
  const seed = await seedLetter(insuredApi);
  const letterId = await issueLetter(doctor, seed.clinic.id, `Чек для камеры (${unique('e2e')})`);
  const till = await clinic.post<TillReceipt>('/api/demo/till', { letterId });
  await Promise.all([insuredApi.dispose(), doctor.dispose(), clinic.dispose()]);

  // The "camera" films the receipt QR: a canvas stream with the till's image on white paper.
  const cam = await insuredPage(browser);
  await cam.page.addInitScript((src: string) => {
    navigator.mediaDevices.getUserMedia = async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const ctx = canvas.getContext('2d');
      const img = new Image();
      img.src = src;
      await img.decode();
      const draw = () => {
        if (!ctx) return;
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, 640, 480);
        ctx.drawImage(img, 170, 90, 300, 300);
      };
      draw();
      setInterval(draw, 100);
      return canvas.captureStream(10);
    };
  }, till.png);
  await cam.page.goto(`/claims/new?letter=${letterId}`);
  await cam.page.getByTestId('claim-mode-camera').click();
  await expect(cam.page.getByTestId('page-claim')).toBeVisible({ timeout: 30_000 });
  await expect(cam.page.getByTestId('claim-line')).toHaveCount(1);
  await cam.context.close();
});

test('the console doctor reviews a receipt next to the letter and decides it line by line with a reason', async ({
  page,
  baseURL,
}) => {
  const insured = await apiSession(baseURL ?? '', 'insured@demo.remed.ru');
  const doctor = await apiSession(baseURL ?? '', 'doctor@demo.remed.ru');
  const clinic = await apiSession(baseURL ?? '', 'clinic@demo.remed.ru');
  try {
    // A till that prints «Медицинская услуга» instead of the service: the engine refers it to a person.
    const seed = await seedLetter(insured);
    const letterId = await issueLetter(doctor, seed.clinic.id, `Ручная проверка ${unique('review')}`);
    const letter = await insured.get<{ number: string }>(`/api/letters/${letterId}`);
    const receipt = await clinic.post<TillReceipt>('/api/demo/till', { letterId, unidentifiedItem: true });
    const claim = await insured.post<{ id: string }>('/api/me/claims', {
      letterId,
      qr: receipt.qr,
      source: 'manual',
    });
    await expect
      .poll(async () => (await insured.get<{ status: string }>(`/api/me/claims/${claim.id}`)).status, {
        timeout: 30_000,
      })
      .toBe('manual_review');

    await loginAs(page, 'doctor@demo.remed.ru', 'home-console_doctor');
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
    // Where the money goes next depends on the СБП details other tests may be changing; the decision is what matters.
    const decided = await insured.get<{ status: string; reimbursement: number; cashback: number }>(
      `/api/me/claims/${claim.id}`,
    );
    expect(decided.status).not.toBe('manual_review');
    expect(decided).toMatchObject({ reimbursement: 250_000, cashback: 12_500 });
  } finally {
    await insured.dispose();
    await doctor.dispose();
    await clinic.dispose();
  }
});

test('the admin sees the payout reconciliation; the insured keeps СБП details on the account page', async ({
  page,
  browser,
}) => {
  await loginAs(page, 'admin@demo.remed.ru', 'home-admin');
  await page.getByTestId('main-nav').getByRole('link', { name: 'Сверка выплат' }).click();
  await expect(page.getByTestId('reconciliation-total')).toBeVisible();
  await expect(page.getByTestId('total-paid')).toHaveText(/₽/);
  await shoot(page, 'reconciliation');

  const { context, page: insured } = await insuredPage(browser);
  await insured.getByTestId('main-nav').getByRole('link', { name: 'Учётная запись' }).click();
  const details = insured.getByTestId('payout-details');
  // Another test may be switching the phone for a moment; the form shows whatever is stored.
  await expect(details.getByLabel('Телефон для СБП')).toHaveValue(/^\+7 916 /);
  await expect(details.getByRole('textbox', { name: 'Банк' })).toHaveValue('Сбербанк');
  await context.close();
});
