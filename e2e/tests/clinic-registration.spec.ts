import { mkdirSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unique } from '../fixtures/accounts.ts';
import { apiSession, outbox } from '../fixtures/api.ts';
import { loginAs } from '../fixtures/login.ts';

const DIR = '/tmp/shots';
mkdirSync(DIR, { recursive: true });

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
  await page.screenshot({ path: `${DIR}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${DIR}/${name}-390.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} fits 390 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a clinic registers by its ИНН, fixes a mistyped account, confirms by e-mail, lands in its cabinet and adds a second legal entity', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
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
  await wizard.getByLabel(/^Пароль\s*\*?$/).fill('Clinic-pass-2026');
  await wizard.getByLabel('Пароль ещё раз').fill('Clinic-pass-2026');
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

  const admin = await apiSession(baseURL ?? '', 'admin@demo.remed.ru');
  let code = '';
  await expect
    .poll(async () => {
      const mail = (await outbox(admin, 'email')).find((m) => m.recipient === login);
      code = /\b(\d{6})\b/.exec(mail?.body ?? '')?.[1] ?? '';
      return code;
    })
    .toMatch(/^\d{6}$/);
  await admin.dispose();
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
});

test('the clinic’s attachment list filters and downloads as XLSX and CSV', async ({ page }) => {
  await loginAs(page, 'clinic@demo.remed.ru', 'home-clinic_user');
  await page.getByTestId('main-nav').getByRole('link', { name: 'Прикреплённые пациенты' }).click();
  const list = page.getByTestId('page-patients');
  await expect(list.getByTestId('patient-row').filter({ hasText: 'Иванова Мария Петровна' })).toBeVisible();
  await shoot(page, 'clinic-patients');

  await list.getByText('Откреплены', { exact: true }).click();
  await expect(list.getByTestId('patient-row')).toHaveCount(1);
  await expect(list.getByTestId('patient-row')).toContainText('Лебедева Татьяна Андреевна');

  const xlsxDownload = page.waitForEvent('download');
  await list.getByTestId('export-xlsx').click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/^prikreplennye-\d{4}-\d\d-\d\d\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
  const rows = (workbook.worksheets[0]?.getSheetValues() ?? []).slice(1) as unknown[][];
  expect(rows[0]?.slice(1, 4)).toEqual(['ФИО', 'Дата рождения', 'Номер полиса']);
  expect(rows.slice(1).map((r) => [r[1], r[8]])).toEqual([['Лебедева Татьяна Андреевна', 'откреплён']]);

  await list.getByText('Все', { exact: true }).click();
  await list.getByLabel('Поиск по ФИО или номеру полиса').fill('иванова');
  await expect(list.getByTestId('patient-row')).toHaveCount(1);
  const csvDownload = page.waitForEvent('download');
  await list.getByTestId('export-csv').click();
  const csv = parse(readFileSync(await (await csvDownload).path()), {
    bom: true,
    delimiter: ';',
  }) as string[][];
  expect(csv.map((r) => r[0])).toEqual(['ФИО', 'Иванова Мария Петровна']);
  expect(csv[1]?.[2]).toBe('ДМС-0012345');
});
