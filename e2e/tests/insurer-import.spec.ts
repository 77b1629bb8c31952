import type { ApiSession } from '../fixtures/api.ts';
import { loginAs } from '../fixtures/login.ts';
import { INSURED_LIST_HEADER, programListTurn } from '../fixtures/people.ts';
import { expect, test } from '../fixtures/world.ts';

interface Person {
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  phone: string | null;
  email: string | null;
  policyNumber: string;
  validFrom: string;
  validTo: string;
  detachedOn: string | null;
}

const ru = (iso: string) => iso.split('-').reverse().join('.');

/** Everyone on the program's list, page by page. */
async function everyone(insurer: ApiSession, programId: string): Promise<Person[]> {
  const all: Person[] = [];
  for (;;) {
    const { items } = await insurer.get<{ items: Person[] }>(
      `/api/insurance/programs/${programId}/insured?limit=200&offset=${all.length}`,
    );
    all.push(...items);
    if (items.length < 200) return all;
  }
}

/**
 * A list file is the whole list of the program: whoever is missing from it gets detached. So the file keeps
 * everyone already attached (other tests add their people to this program) and adds three new people and one
 * bad row.
 */
async function listWithNewPeople(insurer: ApiSession, programId: string): Promise<string> {
  const keep = (await everyone(insurer, programId))
    .filter((p) => !p.detachedOn)
    .map((p) => {
      const [last = '', first = '', ...middle] = p.fullName.split(' ');
      return [
        p.policyNumber,
        last,
        first,
        middle.join(' '),
        ru(p.birthDate),
        p.sex === 'male' ? 'М' : 'Ж',
        p.phone ?? '',
        p.email ?? '',
        ru(p.validFrom),
        ru(p.validTo),
      ].join(';');
    });
  const tag = Date.now().toString().slice(-7);
  const fresh = [
    `E2E-${tag}-1;Тестов;Иван;Иванович;01.02.1990;М;;;01.01.2026;31.12.2026`,
    `E2E-${tag}-2;Тестова;Анна;;02.03.1991;Ж;;anna.${tag}@example.ru;01.01.2026;31.12.2026`,
    `E2E-${tag}-3;Тестов;Пётр;Петрович;03.04.1992;М;;;01.01.2026;31.12.2026`,
    `E2E-${tag}-4;Ошибкин;Павел;;04.05.1993;X;;;01.01.2026;31.12.2026`,
  ];
  return [INSURED_LIST_HEADER, ...keep, ...fresh].join('\n');
}

test('the insurer uploads a list: with errors nothing is loaded, then only the valid rows are', async ({
  page,
  world,
}) => {
  const insurer = await world.staff('insurer_user');
  const program = await world.program();
  await loginAs(page, insurer, 'home-insurer_user');
  const card = page.getByTestId('program-card').filter({ hasText: program.name });
  await expect(card).toContainText('Входит:');
  await card.getByRole('link', { name: 'Застрахованные и загрузка списка' }).click();
  await expect(page.getByTestId('page-program')).toBeVisible();
  await expect(page.getByTestId('insured-row').first()).toBeVisible();

  const panel = page.getByTestId('import-panel');
  await expect(panel.getByRole('link', { name: 'XLSX' })).toHaveAttribute(
    'href',
    '/api/insurance/insured-template.xlsx',
  );
  await expect(panel.getByRole('link', { name: 'CSV' })).toHaveAttribute(
    'href',
    '/api/insurance/insured-template.csv',
  );

  // No other test may add people between reading the list and loading the file, or this upload detaches them.
  const release = await programListTurn();
  try {
    const file = {
      name: 'insured.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(await listWithNewPeople(insurer.api, program.id), 'utf8'),
    };
    // «Only if there are no errors» is the default: the bad row stops the whole file.
    await expect(panel.getByRole('radio', { name: 'Загрузить, только если ошибок нет' })).toBeChecked();
    await panel.locator('input[type="file"]').setInputFiles(file);
    await panel.getByTestId('import-start').click();
    const result = panel.getByTestId('import-result');
    await expect(result).toHaveAttribute('data-status', 'rejected');
    await expect(panel.getByTestId('import-rejected')).toContainText(/ничего не загружено/i);
    const issue = panel.getByTestId('import-issue');
    await expect(issue).toHaveCount(1);
    await expect(issue).toContainText('Пол');
    await expect(panel.getByRole('link', { name: 'Отчёт CSV' })).toBeVisible();
    await page.screenshot({
      path: test.info().outputPath(`insurer-import-rejected-1280.png`),
      fullPage: true,
    });

    // Now the valid rows go in and the bad one is skipped.
    await panel.getByRole('radio', { name: 'Загрузить верные строки, ошибочные пропустить' }).check();
    await panel.getByTestId('import-start').click();
    await expect(result).toHaveAttribute('data-status', 'done');
  } finally {
    release();
  }
  await expect(panel.getByTestId('import-summary')).toContainText('добавлено 3');
  await expect(panel.getByTestId('import-summary')).toContainText('строк с ошибками 1');
  await expect(panel.getByTestId('import-summary')).toContainText('откреплено 0');
  await page.screenshot({ path: test.info().outputPath(`insurer-import-result-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath(`insurer-import-result-390.png`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // The new people are on the list, not registered yet. The search looks at the surname, the policy number and
  // the phone (not the first name), and the list is longer than a page once other tests have added people.
  await page.getByLabel('Поиск застрахованных').fill('Тестова');
  await expect(page.getByTestId('insured-row').filter({ hasText: 'Тестова Анна' }).first()).toContainText(
    'не зарегистрирован',
  );
});
