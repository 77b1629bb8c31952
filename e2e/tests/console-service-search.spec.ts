import { expect, request, test } from '@playwright/test';
import { unique } from '../fixtures/accounts.ts';
import { type ApiSession, apiSession, newUser, outbox, signedInSession } from '../fixtures/api.ts';
import { DEMO_POLICY } from '../fixtures/claims.ts';
import { moscowToday, publishPrices } from '../fixtures/clinic.ts';
import { loginThroughForm } from '../fixtures/login.ts';

const PASSWORD = 'Search-journey-2026';

/** What the doctor types and the service the search must offer for it, with the clinic's price of it. */
const SEARCHES = [
  { typed: 'ЭКГ', code: 'A05.10.006', name: 'Регистрация электрокардиограммы', price: '101,00' },
  { typed: 'УЗИ печени', code: 'A04.14.001', name: 'Ультразвуковое исследование печени', price: '102,00' },
  {
    typed: 'ОАК',
    code: 'B03.016.003',
    name: 'Общий (клинический) анализ крови развернутый',
    price: '103,00',
  },
  {
    typed: 'B01.047.001',
    code: 'B01.047.001',
    name: 'Прием (осмотр, консультация) врача-терапевта первичный',
    price: '104,00',
  },
  {
    typed: 'терапевт повторный',
    code: 'B01.047.002',
    name: 'Прием (осмотр, консультация) врача-терапевта повторный',
    price: '105,00',
  },
];
/** Names that share words with the searches, so that each search has to tell them apart. */
const NEIGHBOURS = [
  { code: 'A04.28.001', name: 'Ультразвуковое исследование почек и надпочечников', price: '1 900,00' },
  { code: 'A04.14.002', name: 'Ультразвуковое исследование желчного пузыря', price: '1 500,00' },
  { code: 'B03.016.006', name: 'Общий (клинический) анализ мочи', price: '450,00' },
  {
    code: 'A05.10.004',
    name: 'Расшифровка, описание и интерпретация электрокардиографических данных',
    price: '600,00',
  },
];

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

/** Requisites of a legal entity no other run uses, with the right check digits (ИНН, ОГРН, account key). */
function requisites() {
  const body = `${1 + Math.floor(Math.random() * 9)}${digits(8)}`;
  const inn = `${body}${([2, 4, 10, 3, 5, 9, 4, 6, 8].reduce((s, w, i) => s + w * Number(body[i]), 0) % 11) % 10}`;
  const ogrnBody = `1${digits(11)}`;
  const ogrn = `${ogrnBody}${(BigInt(ogrnBody) % 11n) % 10n}`;
  const bik = '044525225';
  const raw = `407028100${digits(11)}`;
  const weighted = `${bik.slice(6)}${raw}`
    .split('')
    .reduce((s, d, i) => s + Number(d) * [7, 1, 3][i % 3]!, 0);
  const account = `${raw.slice(0, 8)}${((weighted % 10) * 3) % 10}${raw.slice(9)}`;
  return {
    inn,
    kpp: `${inn.slice(0, 4)}01001`,
    ogrn,
    name: 'Общество с ограниченной ответственностью «Клиника поиска»',
    shortName: `ООО «Клиника поиска ${inn}»`,
    address: '125040, г. Москва, ул. Правды, д. 2',
    headName: 'Соколова Ирина Павловна',
    headPost: 'Главный врач',
    bik,
    bankName: 'ПАО СБЕРБАНК',
    correspondentAccount: '30101810400000000225',
    settlementAccount: account,
    email: `office-${inn}@clinic.test`,
    phone: '+7 495 123-45-67',
  };
}

/**
 * A clinic of this test alone, registered through the public wizard's API (the code read from the outbox),
 * signed in as its first employee, with a price list published today that holds the searched names.
 */
async function clinicWithPrices(baseURL: string, admin: ApiSession): Promise<string> {
  const ctx = await request.newContext({ baseURL });
  const csrf = ((await (await ctx.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
  const login = `${unique('search-clinic')}@test.remed.ru`;
  const form = {
    ...requisites(),
    fullName: 'Соколова Ирина Павловна',
    userEmail: login,
    userPhone: '',
    password: PASSWORD,
    confirmBy: 'email',
    userAgreement: true,
  };
  const headers = { 'x-csrf-token': csrf };
  const sent = await ctx.post('/api/clinic-registration/code', { data: form, headers });
  expect(sent.status(), await sent.text()).toBe(200);
  let code = '';
  await expect
    .poll(async () => {
      const mail = (await outbox(admin, 'email')).find((m) => m.recipient === login);
      code = /\b(\d{6})\b/.exec(mail?.body ?? '')?.[1] ?? '';
      return code;
    })
    .toMatch(/^\d{6}$/);
  const registered = await ctx.post('/api/clinic-registration', { data: { ...form, code }, headers });
  expect(registered.status(), await registered.text()).toBe(200);
  const { user } = (await registered.json()) as { user: { clinics: { id: string }[] } };
  const clinicId = user.clinics[0]!.id;
  // The session cookie is now in the context; its CSRF token is the one the context already holds.
  const clinic = await signedInSession(ctx);
  await publishPrices(
    clinic,
    clinicId,
    [...SEARCHES, ...NEIGHBOURS].map((s, i) => ({
      clinicCode: `П-${i + 1}`,
      serviceCode: s.code,
      name: s.name,
      price: s.price,
    })),
    moscowToday(),
  );
  await clinic.dispose();
  return clinicId;
}

test('a console doctor finds services by abbreviation, organ, code and words in any order', async ({
  page,
  baseURL,
}, testInfo) => {
  const base = baseURL ?? '';
  const admin = await apiSession(base, 'admin@demo.remed.ru');
  await clinicWithPrices(base, admin);
  const login = await newUser(base, admin, {
    prefix: 'search-doctor',
    fullName: 'Егорова Наталья Викторовна',
    roles: ['console_doctor'],
    password: PASSWORD,
  });
  await admin.dispose();

  // A phone call of an insured person, opened as a case by this doctor.
  const doctorApi = await apiSession(base, login, PASSWORD);
  const call = await doctorApi.post<{ id: string }>('/api/console/requests', {
    policyNumber: DEMO_POLICY,
    complaint: `Звонок: давление, сердцебиение (${unique('e2e')})`,
  });
  const opened = await doctorApi.post<{ id: string }>(`/api/console/requests/${call.id}/case`, {});
  await doctorApi.dispose();

  await loginThroughForm(page, login, PASSWORD);
  await expect(page.getByTestId('home-console_doctor')).toBeVisible();
  await page.goto(`/console/cases/${opened.id}`);
  const search = page.getByTestId('service-search');
  for (const s of SEARCHES) {
    await search.fill(s.typed);
    const hit = page.getByTestId('service-result').filter({ hasText: s.name });
    await expect(hit, `«${s.typed}» offers «${s.name}»`).toHaveCount(1);
    await expect(hit).toContainText(s.code);
    // This clinic's price is the lowest: the version published today counts.
    await expect(hit).toContainText(`от ${s.price.replace(',00', '')}`);
    if (s.typed === 'B01.047.001') await expect(page.getByTestId('service-result')).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath(`search-${s.code}.png`) });
  }

  // The typed abbreviation leads to the name, and Enter takes the service into the letter.
  await search.fill('ЭКГ');
  await expect(page.getByTestId('service-result').first()).toBeVisible();
  const ecg = page.getByTestId('service-result').filter({ hasText: 'Регистрация электрокардиограммы' });
  await ecg.click();
  await expect(page.getByTestId('chosen-service')).toHaveCount(1);
  await expect(page.getByTestId('chosen-service')).toHaveAttribute('data-code', 'A05.10.006');
});
