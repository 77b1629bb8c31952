import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, request, test } from '@playwright/test';
import { type ApiSession, apiSession, newUser, outbox } from '../fixtures/api.ts';
import { loginThroughForm } from '../fixtures/login.ts';

const HEADER =
  'Номер полиса;Фамилия;Имя;Отчество;Дата рождения;Пол;Телефон;E-mail;Дата начала;Дата окончания';
const PASSWORD = 'Personal-data-2026';

/** A person of the test's own: imported by the insurer and registered with both consents, through the API. */
async function registeredPerson(baseURL: string, admin: ApiSession) {
  const year = new Date().getFullYear();
  const suffix = String(Date.now()).slice(-7);
  const phone = `+7918${suffix}`;
  const policy = `ПД-${suffix}`;
  const insurer = await apiSession(baseURL, 'insurer@demo.remed.ru');
  try {
    const [program] = await insurer.get<{ id: string }[]>('/api/insurance/programs');
    const csv = `${HEADER}\n${policy};Соколова;Анна;Викторовна;11.04.1962;Ж;${phone};;01.01.${year};31.12.${year}\n`;
    const upload = await insurer.ctx.post(`/api/insurance/programs/${program!.id}/imports`, {
      headers: { 'x-csrf-token': insurer.csrf },
      multipart: {
        mode: 'all_or_nothing',
        detachMissing: 'false',
        file: { name: 'сотрудники.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
      },
    });
    expect(upload.status()).toBe(202);
    const { id } = (await upload.json()) as { id: string };
    await expect
      .poll(async () => (await insurer.get<{ status: string }>(`/api/insurance/imports/${id}`)).status, {
        timeout: 30_000,
      })
      .toBe('done');
  } finally {
    await insurer.dispose();
  }
  const ctx = await request.newContext({ baseURL });
  const csrf = ((await (await ctx.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
  const post = (url: string, data: unknown) => ctx.post(url, { data, headers: { 'x-csrf-token': csrf } });
  expect((await post('/api/onboarding/code', { phone })).status()).toBe(200);
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
  const { ticket } = (await (await post('/api/onboarding/verify', { phone, code })).json()) as {
    ticket: string;
  };
  const done = await post('/api/onboarding/complete', {
    phone,
    ticket,
    password: PASSWORD,
    dataProcessing: true,
    employerSharing: true,
  });
  expect(done.status(), await done.text()).toBe(200);
  await ctx.dispose();
  return { phone, policy };
}

/** The test's own console doctor opens the person's case and letter, as in the console. */
async function doctorLooksAtLetter(baseURL: string, admin: ApiSession, policy: string) {
  const login = await newUser(baseURL, admin, {
    prefix: 'pd-doctor',
    fullName: 'Врачева Ольга Сергеевна',
    roles: ['console_doctor'],
    password: PASSWORD,
  });
  const doctor = await apiSession(baseURL, login, PASSWORD);
  try {
    const request = await doctor.post<{ id: string }>('/api/console/requests', {
      policyNumber: policy,
      complaint: 'Кашель неделю, температура 37,5',
    });
    const opened = await doctor.post<{ id: string }>(`/api/console/requests/${request.id}/case`, {});
    const services = [{ serviceCode: 'B01.047.001', quantity: 1 }];
    const [clinic] = await doctor.post<{ clinicId: string }[]>(`/api/console/cases/${opened.id}/clinics`, {
      services,
    });
    const letter = await doctor.post<{ id: string }>(`/api/console/cases/${opened.id}/letters`, {
      services,
      approvedCodes: [],
      clinicId: clinic!.clinicId,
    });
    const { number } = await doctor.get<{ number: string }>(`/api/letters/${letter.id}`);
    return { number, doctorName: 'Врачева Ольга Сергеевна' };
  } finally {
    await doctor.dispose();
  }
}

async function shoot(page: Page, name: string, width: number) {
  await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
  // The layout settles on the next frame after a resize; a full-page shot taken before it is cut short.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
}

async function adminPage(browser: Browser, baseURL: string, admin: ApiSession) {
  const login = await newUser(baseURL, admin, {
    prefix: 'pd-admin',
    fullName: 'Админова Ирина Павловна',
    roles: ['admin'],
    password: PASSWORD,
  });
  const context = await browser.newContext({ baseURL, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  const page = await context.newPage();
  await loginThroughForm(page, login, PASSWORD);
  return { page, context };
}

test('a person sees their consents, withdraws one, sees who looked, downloads their data', async ({
  page,
  browser,
  baseURL,
}) => {
  // Importing, registering and setting up two staff users with authenticators takes a while on a busy machine.
  test.setTimeout(120_000);
  const base = baseURL ?? '';
  const admin = await apiSession(base, 'admin@demo.remed.ru');
  try {
    const person = await registeredPerson(base, admin);
    const { number, doctorName } = await doctorLooksAtLetter(base, admin, person.policy);

    await page.goto('/login');
    await page.getByTestId('privacy-link').click();
    await expect(page.getByTestId('page-privacy')).toContainText(
      'Сведения о здоровье — это особая категория',
    );
    await expect(page.getByTestId('privacy-contact')).toContainText('Электронная почта:');
    await shoot(page, 'privacy', 390);
    await loginThroughForm(page, person.phone, PASSWORD);
    await expect(page.getByTestId('home-insured')).toBeVisible();
    await page.goto('/my-data');
    const sharing = page.getByTestId('consent-employer_sharing');
    await expect(page.getByTestId('consent-data_processing')).toContainText('Сведения о здоровье');
    await expect(page.getByTestId('consent-data_processing')).toContainText('Отмечено при регистрации');
    await expect(page.getByTestId('withdraw-data_processing')).toHaveCount(0);
    await expect(sharing).toContainText('Действует');

    const views = page.getByTestId('my-view');
    await expect(views.first()).toContainText(doctorName);
    await expect(page.getByTestId('my-views')).toContainText(number);
    await expect(page.getByTestId('my-views')).toContainText('просмотр гарантийного письма');
    await shoot(page, 'my-data', 390);
    await shoot(page, 'my-data', 1280);

    await page.getByTestId('withdraw-employer_sharing').click();
    await expect(page.getByTestId('withdraw-consequences')).toContainText(
      'работодатель сразу перестанет видеть',
    );
    await page.getByTestId('withdraw-confirm').click();
    await expect(sharing).toContainText('Отозвано в личном кабинете');
    await expect(page.getByTestId('withdraw-employer_sharing')).toHaveCount(0);
    await expect(page.getByRole('dialog')).toHaveCount(0);

    const pdfDownload = page.waitForEvent('download');
    await page.getByTestId('export-pdf').click();
    const pdfPath = test.info().outputPath('personal-data.pdf');
    await (await pdfDownload).saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('Соколова Анна Викторовна');
    expect(text).toContain(number);
    expect(text).toContain(doctorName);

    const jsonDownload = page.waitForEvent('download');
    await page.getByTestId('export-json').click();
    const jsonPath = test.info().outputPath('personal-data.json');
    await (await jsonDownload).saveAs(jsonPath);
    const data = JSON.parse(readFileSync(jsonPath, 'utf8'));
    expect(data.person.fullName).toBe('Соколова Анна Викторовна');
    expect(data.letters.map((l: { number: string }) => l.number)).toEqual([number]);
    const withdrawn = data.consents.find((c: { kind: string }) => c.kind === 'employer_sharing');
    expect(withdrawn.withdrawnMethod).toBe('account');

    const desk = await adminPage(browser, base, admin);
    try {
      await desk.page.goto('/admin/personal-data');
      await desk.page.getByTestId('person-search').fill(person.policy);
      await desk.page.getByTestId('person-option').first().click();
      const row = desk.page.getByTestId('view-log-row').filter({ hasText: number }).first();
      await expect(row).toContainText(doctorName);
      await expect(row).toContainText('Соколова Анна Викторовна');
      await expect(desk.page.getByTestId('person-panel')).toContainText('отозвано');
      await shoot(desk.page, 'admin-view-log', 1280);
      await shoot(desk.page, 'admin-view-log', 390);
    } finally {
      await desk.context.close();
    }
  } finally {
    await admin.dispose();
  }
});
