import { expect, test } from '@playwright/test';
import { apiSession, outbox } from '../fixtures/api.ts';

const HEADER =
  'Номер полиса;Фамилия;Имя;Отчество;Дата рождения;Пол;Телефон;E-mail;Дата начала;Дата окончания';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('a person the insurer imports gets the invitation and registers from it', async ({ page, baseURL }) => {
  const year = new Date().getFullYear();
  const suffix = String(Date.now()).slice(-7);
  const phone = `+7917${suffix}`;
  const insurer = await apiSession(baseURL ?? '', 'insurer@demo.remed.ru');
  const admin = await apiSession(baseURL ?? '', 'admin@demo.remed.ru');
  try {
    const [program] = await insurer.get<{ id: string }[]>('/api/insurance/programs');
    // An addition to the list: nobody else is detached, so tests running beside this one are not disturbed.
    const csv = `${HEADER}\nИМП-${suffix};Лебедева;Светлана;Игоревна;02.05.1990;Ж;${phone};;01.01.${year};31.12.${year}\n`;
    const upload = await insurer.ctx.post(`/api/insurance/programs/${program!.id}/imports`, {
      headers: { 'x-csrf-token': insurer.csrf },
      multipart: {
        mode: 'all_or_nothing',
        detachMissing: 'false',
        file: { name: 'новые.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
      },
    });
    expect(upload.status()).toBe(202);
    const { id } = (await upload.json()) as { id: string };
    await expect
      .poll(
        async () =>
          (await insurer.get<{ status: string; created: number }>(`/api/insurance/imports/${id}`)).status,
        { timeout: 30_000 },
      )
      .toBe('done');

    const invitation = (await outbox(admin, 'sms')).find(
      (m) => m.recipient === phone && /Зарегистрируйтесь/.test(m.body),
    );
    expect(invitation?.body).toContain('/register');

    await page.goto('/register');
    await page.getByLabel('Номер телефона').fill(phone);
    await page.getByRole('button', { name: 'Получить код' }).click();
    let code = '';
    await expect
      .poll(async () => {
        const sms = (await outbox(admin, 'sms')).find(
          (m) => m.recipient === phone && /код для регистрации/.test(m.body),
        );
        code = /(\d{6})/.exec(sms?.body ?? '')?.[1] ?? '';
        return code;
      })
      .not.toBe('');
    await page.getByLabel('Код из SMS').fill(code);
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(page.getByTestId('register-greeting')).toHaveText(/Здравствуйте, Светлана/);
    await page.getByLabel('Пароль', { exact: true }).fill('Lebedeva-2026-pass');
    await page.getByLabel('Пароль ещё раз').fill('Lebedeva-2026-pass');
    await page.getByRole('button', { name: 'Далее' }).click();
    await page.getByRole('checkbox', { name: /Я даю согласие на обработку персональных данных/ }).check();
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await expect(page.getByTestId('home-insured')).toContainText('Здравствуйте, Светлана!');
  } finally {
    await insurer.dispose();
    await admin.dispose();
  }
});
