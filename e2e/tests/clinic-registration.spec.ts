import type { Page } from '@playwright/test';
import { unique } from '../fixtures/accounts.ts';
import { apiSession, codeFromOutbox } from '../fixtures/api.ts';
import { phoneCase } from '../fixtures/claims.ts';
import {
  contractOfClinic,
  moscowToday,
  setUpClinic,
  signatureCodeFor,
  signContract,
} from '../fixtures/clinic.ts';
import { loginAs } from '../fixtures/login.ts';
import { uploadPriceCsv } from '../fixtures/screens.ts';
import { expect, test } from '../fixtures/world.ts';

const PASSWORD = 'Clinic-pass-2026';
/** A first therapist visit, priced the same at both clinics of the comparison. */
const VISIT = {
  code: 'B01.047.001',
  name: 'Прием (осмотр, консультация) врача-терапевта первичный',
  price: '2 400,00',
};

/** ПАО Сбербанк: a real company of the bundled directory records, so its requisites fill themselves. */
const SBER = {
  inn: '7707083893',
  kpp: '773601001',
  ogrn: '1027700132195',
  bik: '044525225',
  corr: '30101810400000000225',
  account: '40702810938000012345',
  mistyped: '40702810938000012346',
};

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath(`${name}-390.png`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} fits 390 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a new clinic registers by its ИНН, signs its contract, publishes a price list, joins a program, sets 7 % cashback and ranks above an otherwise equal clinic with 3 %', async ({
  page,
  browser,
  baseURL,
  world,
}) => {
  test.setTimeout(300_000);
  const admin = world.root;
  // The program the clinic joins (open to clinics joining by themselves), a person insured under it whose
  // phone call the console doctor takes, and the doctor.
  const [dmsProgram, [person], doctorUser] = await Promise.all([
    world.program(),
    world.people([{}]),
    world.staff('console_doctor'),
  ]);
  const tag = unique('clinic');
  const login = `${tag}@e2e.remed.test`;

  await page.goto('/login');
  await page.getByRole('link', { name: 'Регистрация клиники' }).click();
  const wizard = page.getByTestId('page-clinic-register');
  await expect(wizard.getByTestId('wizard-step')).toHaveText('Организация');

  // 1. The ИНН brings the rest from the company directory; every field stays editable.
  await wizard.getByLabel('ИНН').fill(SBER.inn);
  await expect(wizard.getByTestId('lookup-party')).toContainText('Нашли: ПАО СБЕРБАНК');
  await expect(wizard.getByLabel('Полное наименование')).toHaveValue(/СБЕРБАНК РОССИИ/);
  await expect(wizard.getByLabel('КПП')).toHaveValue(SBER.kpp);
  await expect(wizard.getByLabel('ОГРН или ОГРНИП')).toHaveValue(SBER.ogrn);
  await expect(wizard.getByLabel('Юридический адрес')).toHaveValue(/117312/);
  await expect(wizard.getByLabel('ФИО руководителя')).toHaveValue('Греф Герман Оскарович');
  await wizard.getByLabel('Должность руководителя').fill('Президент, Председатель Правления');
  await shoot(page, 'clinic-register-organisation');
  await wizard.getByLabel('Краткое наименование').press('Enter');

  // 2. The БИК brings the bank; a mistyped account is caught under its field before going on.
  await expect(wizard.getByTestId('wizard-step')).toHaveText('Банковские реквизиты');
  await wizard.getByLabel('БИК банка').fill(SBER.bik);
  await expect(wizard.getByRole('textbox', { name: /^Банк(\s|$)/ })).toHaveValue('ПАО СБЕРБАНК');
  await expect(wizard.getByLabel('Корреспондентский счёт')).toHaveValue(SBER.corr);
  const account = wizard.getByLabel('Расчётный счёт');
  await account.fill(SBER.mistyped);
  await account.blur();
  const keyError = 'Неверный контрольный ключ расчётного счёта: проверьте счёт и БИК';
  await expect(wizard.getByText(keyError)).toBeVisible();
  await expect(account).toHaveAttribute('aria-invalid', 'true');
  await wizard.getByTestId('wizard-next').click();
  await expect(wizard.getByTestId('wizard-step')).toHaveText('Банковские реквизиты');
  await shoot(page, 'clinic-register-bank-error');
  await account.fill(SBER.account);
  await expect(wizard.getByText(keyError)).toHaveCount(0);
  await wizard.getByTestId('wizard-next').click();

  // 3. Contacts; then a reload loses nothing: the draft lives in this browser.
  await expect(wizard.getByTestId('wizard-step')).toHaveText('Контакты');
  await wizard.getByLabel('E-mail клиники').fill(`office.${login}`);
  await wizard.getByLabel('Телефон клиники').fill('4955005550');
  await expect(wizard.getByLabel('Телефон клиники')).toHaveValue('+7 495 500-55-50');
  await wizard.getByTestId('wizard-next').click();
  await expect(wizard.getByTestId('wizard-step')).toHaveText('Учётная запись');
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(wizard.getByTestId('wizard-step')).toHaveText('Учётная запись');

  // 4. The first employee.
  await wizard.getByLabel('Ваши фамилия, имя и отчество').fill('Петрова Анна Сергеевна');
  await wizard.getByLabel('Ваш e-mail для входа').fill(login);
  await wizard.getByLabel(/^Пароль\s*\*?$/).fill(PASSWORD);
  await wizard.getByLabel('Пароль ещё раз').fill(PASSWORD);
  await wizard.getByTestId('wizard-next').click();

  // 5. Everything at a glance, the agreement, and a code to the e-mail.
  await expect(wizard.getByTestId('wizard-step')).toHaveText('Проверка');
  const summary = wizard.getByTestId('review-summary');
  await expect(summary).toContainText(SBER.account);
  await expect(summary).toContainText('+7 495 500-55-50');
  await wizard.getByTestId('wizard-next').click();
  await expect(wizard.getByText(/Примите пользовательское соглашение/)).toBeVisible();
  await wizard.getByTestId('agreement-checkbox').check();
  await shoot(page, 'clinic-register-review');
  await wizard.getByRole('button', { name: 'Получить код подтверждения' }).click();
  await expect(wizard.getByTestId('code-step')).toContainText(login);

  const code = await codeFromOutbox(admin, 'email', (m) => m.recipient === login);
  await wizard.getByLabel('Код подтверждения').fill(code);
  await wizard.getByRole('button', { name: 'Зарегистрировать клинику' }).click();

  // Signed in, in the cabinet of the new clinic.
  const home = page.getByTestId('home-clinic_user');
  await expect(home).toBeVisible();
  await expect(home).toContainText('Вы работаете от имени: ПАО СБЕРБАНК');
  await page.getByTestId('main-nav').getByRole('link', { name: 'Реквизиты' }).click();
  await expect(page.getByTestId('page-requisites').getByLabel('Расчётный счёт')).toHaveValue(SBER.account);
  await expect(page.getByTestId('page-requisites').getByLabel('ИНН')).toHaveValue(SBER.inn);
  await shoot(page, 'clinic-requisites');
  // The draft is gone: the form starts empty for the next clinic.
  expect(await page.evaluate(() => localStorage.getItem('remed.clinicRegistration.draft'))).toBeNull();

  // One login for a network: the next legal entity, typed by hand (the directory does not know it).
  await page.getByTestId('main-nav').getByRole('link', { name: 'Клиники сети' }).click();
  await page.getByTestId('network-add').click();
  const add = page.getByTestId('page-network-add');
  await add.getByLabel('ИНН').fill('7710140679');
  await expect(add.getByTestId('lookup-party')).toContainText('В справочнике не нашли');
  await add.getByLabel('КПП').fill('771001001');
  await add.getByLabel('ОГРН или ОГРНИП').fill('1027739552642');
  await add
    .getByLabel('Полное наименование')
    .fill('Общество с ограниченной ответственностью «Клиника на Правде»');
  await add.getByLabel('Краткое наименование').fill('ООО «Клиника на Правде»');
  await add.getByLabel('Юридический адрес').fill('125040, г. Москва, ул. Правды, д. 8');
  await add.getByLabel('ФИО руководителя').fill('Орлова Вера Павловна');
  await add.getByLabel('Должность руководителя').fill('Главный врач');
  await add.getByTestId('wizard-next').click();
  await add.getByLabel('БИК банка').fill('044525974');
  await add.getByRole('textbox', { name: /^Банк(\s|$)/ }).fill('АО «ТБанк»');
  await add.getByLabel('Корреспондентский счёт').fill('30101810145250000974');
  await add.getByLabel('Расчётный счёт').fill('40702810810000117040');
  await add.getByTestId('wizard-next').click();
  await add.getByLabel('E-mail клиники').fill(`pravdy.${login}`);
  await add.getByLabel('Телефон клиники').fill('4955005551');
  await add.getByTestId('wizard-next').click();
  await add.getByTestId('agreement-checkbox').check();
  await add.getByRole('button', { name: 'Добавить в сеть' }).click();

  // It is in the header switcher at once, chosen, and the cabinet shows its requisites.
  await expect(page.getByTestId('page-requisites').getByRole('heading', { level: 1 })).toHaveText(
    'Реквизиты: ООО «Клиника на Правде»',
  );
  const switcher = page.getByTestId('clinic-switcher');
  await expect(switcher).toHaveValue('ООО «Клиника на Правде»');
  await switcher.click();
  await page.getByRole('option', { name: 'ПАО СБЕРБАНК' }).click();
  await expect(page.getByTestId('page-requisites').getByLabel('ИНН')).toHaveValue(SBER.inn);

  // 6. The contract drawn up at registration is signed with the code from the outbox; the service countersigns.
  const clinicApi = await apiSession(baseURL ?? '', login, PASSWORD);
  const { user } = await clinicApi.get<{ user: { clinics: { id: string; name: string }[] } }>(
    '/api/auth/session',
  );
  const sberId = user.clinics.find((c) => c.name === 'ПАО СБЕРБАНК')!.id;
  const pravdyId = user.clinics.find((c) => c.name === 'ООО «Клиника на Правде»')!.id;
  await page.getByTestId('main-nav').getByRole('link', { name: 'Договор', exact: true }).click();
  const contract = page.getByTestId('contract-card').first();
  await expect(contract.getByTestId('contract-status')).toHaveText('Ожидает подписи клиники');
  const number = (await contract.getAttribute('data-number')) ?? '';
  await contract.getByTestId('sign-contract').click();
  const dialog = page.getByTestId('sign-dialog');
  await dialog.getByLabel('Ваша должность').fill('Главный врач');
  await dialog.getByTestId('send-code').click();
  await expect(dialog.getByTestId('code-sent')).toContainText('на почту');
  await dialog.getByLabel('Код из SMS или письма').fill(await signatureCodeFor(admin, login, number));
  await dialog.getByTestId('sign-submit').click();
  await expect(contract.getByTestId('contract-status')).toHaveText('Подписан клиникой, ждёт подписи сервиса');
  await signContract(admin, admin, await contractOfClinic(clinicApi, sberId), 'Директор по договорам');
  await page.reload();
  await expect(contract.getByTestId('contract-status')).toHaveText('Подписан обеими сторонами');

  // 7. A price list with one bad row: the report names it, the row is fixed in place, published from today.
  await page.getByTestId('main-nav').getByRole('link', { name: 'Прейскуранты' }).click();
  await uploadPriceCsv(page, [
    'Код клиники;Код услуги 804н;Наименование услуги;Цена, руб.;Примечание',
    `1.01;${VISIT.code};${VISIT.name};${VISIT.price};`,
    '2.01;B03.016.003;Общий (клинический) анализ крови развернутый;7 50,0,0;',
  ]);
  const issue = page.getByTestId('check-issue');
  await expect(issue).toHaveCount(1);
  await expect(issue).toContainText('3');
  await expect(issue).toContainText('Цена, руб.');
  await expect(page.getByTestId('publish')).toBeDisabled();
  await shoot(page, 'journey-price-list-report');
  await issue.getByRole('button', { name: 'Исправить строку 3' }).click();
  const price = page.getByTestId('row-form').getByTestId('row-price');
  await price.fill('750');
  await price.press('Enter');
  await expect(page.getByText('Строка 3 сохранена')).toBeVisible();
  await page.getByTestId('tab-check').click();
  await expect(page.getByTestId('check-clean')).toBeVisible();
  await page.getByTestId('publish-date').fill(moscowToday());
  await page.getByTestId('publish').click();
  await expect(page.getByTestId('page-price-list-version')).toHaveAttribute('data-status', 'published');

  // 8. The clinic joins the program: the contract and the price list were all it needed.
  await page.getByTestId('main-nav').getByRole('link', { name: 'Программы ДМС' }).click();
  const programs = page.getByTestId('page-clinic-programs');
  await expect(programs.getByTestId('programs-ready')).not.toContainText('не готово');
  const program = programs.getByTestId('clinic-program').filter({ hasText: dmsProgram.name });
  await program.getByTestId('program-join').click();
  await expect(program).toContainText('Клиника в программе');
  await shoot(page, 'journey-programs');

  // 9. Cashback 7 % from today.
  await page.getByTestId('main-nav').getByRole('link', { name: 'Бонусная программа' }).click();
  const bonus = page.getByTestId('page-bonus');
  await bonus.getByTestId('cashback-input').fill('7');
  await bonus.getByTestId('cashback-save').click();
  await expect(bonus.getByTestId('cashback-percent')).toHaveText('7 %');

  // The other legal entity of the network, set up the same way but with 3 %: the clinic to compare with.
  const pravdyClinic = { id: pravdyId, name: 'ООО «Клиника на Правде»', inn: '7710140679' };
  await setUpClinic(admin, { ...pravdyClinic, login, password: PASSWORD, api: clinicApi }, dmsProgram.id, {
    prices: [{ clinicCode: '7', serviceCode: VISIT.code, name: VISIT.name, price: VISIT.price }],
    cashback: 3,
  });
  await clinicApi.dispose();

  // 10. The console doctor picks a clinic for a therapist visit: the new clinic is above the one with 3 %.
  const caseId = await phoneCase(doctorUser.api, person!.policy, `Звонок: кашель (${tag})`);
  const doctorContext = await browser.newContext();
  const doctor = await doctorContext.newPage();
  await loginAs(doctor, doctorUser, 'home-console_doctor');
  await doctor.goto(`/console/cases/${caseId}`);
  await doctor.getByTestId('service-search').fill(VISIT.code);
  await expect(doctor.getByTestId('service-result').first()).toContainText(VISIT.code);
  await doctor.getByTestId('service-search').press('Enter');
  const options = doctor.getByTestId('clinic-option');
  const sber = options.filter({ hasText: 'ПАО СБЕРБАНК' });
  const pravdy = options.filter({ hasText: 'ООО «Клиника на Правде»' });
  await expect(sber).toContainText('кэшбэк 7 %');
  await expect(pravdy).toContainText('кэшбэк 3 %');
  await expect(sber.getByTestId('clinic-total')).toHaveText(
    (await pravdy.getByTestId('clinic-total').textContent()) ?? '',
  );
  const names = await options.allTextContents();
  const at = (name: string) => names.findIndex((t) => t.includes(name));
  expect(at('ПАО СБЕРБАНК')).toBeGreaterThanOrEqual(0);
  expect(at('ПАО СБЕРБАНК')).toBeLessThan(at('ООО «Клиника на Правде»'));
  await doctor.screenshot({ path: test.info().outputPath(`journey-ranking-1280.png`), fullPage: true });
  await doctorContext.close();
});
