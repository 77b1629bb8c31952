import { unique } from '../fixtures/accounts.ts';
import { phoneCase } from '../fixtures/claims.ts';
import { loginAs } from '../fixtures/login.ts';
import { expect, test } from '../fixtures/world.ts';

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

test('a console doctor finds services by abbreviation, organ, code and words in any order', async ({
  page,
  world,
}, testInfo) => {
  // A clinic of this test alone with a price list published today that holds the searched names, and a phone
  // call of an insured person, opened as a case by the test's own doctor.
  const [doctor, [person]] = await Promise.all([
    world.staff('console_doctor', { fullName: 'Егорова Наталья Викторовна' }),
    world.people([{}]),
    world.clinic({
      name: 'Клиника поиска',
      stage: 'priced',
      prices: [...SEARCHES, ...NEIGHBOURS].map((s, i) => ({
        clinicCode: `П-${i + 1}`,
        serviceCode: s.code,
        name: s.name,
        price: s.price,
      })),
    }),
  ]);
  const caseId = await phoneCase(
    doctor.api,
    person!.policy,
    `Звонок: давление, сердцебиение (${unique('e2e')})`,
  );

  await loginAs(page, doctor, 'home-console_doctor');
  await page.goto(`/console/cases/${caseId}`);
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
