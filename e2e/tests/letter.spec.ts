import { readFileSync } from 'node:fs';
import { unique } from '../fixtures/accounts.ts';
import { outbox } from '../fixtures/api.ts';
import { loginAs } from '../fixtures/login.ts';
import { expect, test } from '../fixtures/world.ts';

test('help request → the doctor issues a guarantee letter → the insured downloads its PDF and gets it by e-mail', async ({
  page,
  browser,
  world,
}) => {
  test.setTimeout(120_000);
  const complaint = `Болит горло и кашель (${unique('e2e')})`;
  // A clinic of the test's own offers both services, so the console has somewhere to send the person.
  const [insured, doctorUser] = await Promise.all([
    world.insured(),
    world.staff('console_doctor'),
    world.clinic(),
  ]);

  // 1. The insured asks for help from the app.
  await loginAs(page, insured, 'home-insured');
  await page.getByTestId('ask-help').click();
  const form = page.getByTestId('help-form');
  await form.getByLabel('Что вас беспокоит?').fill(complaint);
  await form.getByLabel('С какого времени?').fill('2 дня');
  await form.getByRole('button', { name: 'Отправить врачу' }).click();
  await expect(page.getByTestId('help-sent')).toBeVisible();
  const mine = page.getByTestId('my-request').filter({ hasText: complaint });
  await expect(mine).toContainText('Получено');
  await expect(mine).toContainText('Беспокоит с: 2 дня');

  // 2. The doctor takes it into work in a second browser.
  const doctorContext = await browser.newContext();
  const doctor = await doctorContext.newPage();
  await loginAs(doctor, doctorUser, 'home-console_doctor');
  await doctor.getByTestId('main-nav').getByRole('link', { name: 'Обращения' }).click();
  const card = doctor.getByTestId('inbox-request').filter({ hasText: complaint });
  await card.getByRole('button', { name: /^Взять в работу/ }).click();
  await expect(doctor.getByTestId('page-case')).toBeVisible();
  await expect(doctor.getByTestId('case-request')).toContainText(complaint);

  // Keyboard: type, the first hit is highlighted, Enter adds it.
  const search = doctor.getByTestId('service-search');
  await search.fill('терапевта первичный');
  await expect(doctor.getByTestId('service-result').first()).toContainText('B01.047.001');
  await search.press('Enter');
  await search.fill('анализ крови');
  await doctor.getByTestId('service-result').filter({ hasText: 'B03.016.003' }).click();

  const chosen = doctor.getByTestId('chosen-service');
  await expect(chosen).toHaveCount(2);
  await expect(chosen.filter({ hasText: 'B01.047.001' }).getByTestId('verdict')).toHaveText('Входит');
  await expect(chosen.filter({ hasText: 'B03.016.003' }).getByTestId('verdict')).toHaveText('Входит');

  const top = doctor.getByTestId('clinic-option').first();
  await expect(top).toHaveAttribute('data-usable', 'true');
  await top.getByRole('radio').check();
  await doctor.getByTestId('issue-button').click();
  const issued = doctor.getByTestId('letter-issued');
  await expect(issued).toBeVisible();
  const number = (await doctor.getByTestId('issued-number').textContent()) ?? '';
  expect(number).toMatch(/^ГП-\d{4}-\d{6}$/);
  await expect(doctor.getByTestId('case-letter').filter({ hasText: number })).toContainText('Действует');
  await doctorContext.close();

  // 3. The insured sees the letter, opens it and downloads the PDF.
  await page.getByTestId('main-nav').getByRole('link', { name: 'Мои гарантийные письма' }).click();
  await page.getByTestId('letter-row').filter({ hasText: number }).click();
  const letter = page.getByTestId('page-letter');
  await expect(letter.getByTestId('letter-number')).toContainText(number);
  await expect(letter.getByTestId('letter-items')).toContainText('B01.047.001');
  await expect(letter.getByTestId('letter-items')).toContainText('B03.016.003');
  await expect(letter.getByTestId('letter-steps').getByRole('listitem')).toHaveCount(4);
  await page.screenshot({ path: test.info().outputPath(`insured-letter-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath(`insured-letter-390.png`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  const downloading = page.waitForEvent('download');
  await letter.getByTestId('letter-pdf').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');

  // 4. The same letter went to the insured by e-mail with the PDF attached.
  await expect
    .poll(async () => {
      const mail = (await outbox(world.root, 'email')).find(
        (m) => m.recipient === insured.email && (m.subject ?? '').includes(number),
      );
      return mail?.attachments.map((a) => a.filename) ?? [];
    })
    .toContainEqual(expect.stringMatching(/\.pdf$/));
});
