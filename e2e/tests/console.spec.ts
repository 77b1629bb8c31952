import type { Page } from '@playwright/test';
import { unique } from '../fixtures/accounts.ts';
import { phoneCase } from '../fixtures/claims.ts';
import { loginAs } from '../fixtures/login.ts';
import { expect, test } from '../fixtures/world.ts';

const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const width of [390, 1280]) {
  test(`console inbox and case page at ${width}px: keyboard picks services, no sideways scroll`, async ({
    page,
    world,
  }) => {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    // Two phone calls of a person of the test's own: one opened as a case by the test's own doctor, one new.
    const [doctor, [person]] = await Promise.all([world.staff('console_doctor'), world.people([{}])]);
    const complaint = `Звонок: болит спина (${unique('e2e')})`;
    const caseId = await phoneCase(doctor.api, person!.policy, complaint);
    await doctor.api.post('/api/console/requests', {
      policyNumber: person!.policy,
      complaint: `Звонок: болит колено (${unique('e2e')})`,
    });
    await loginAs(page, doctor, 'home-console_doctor');

    await page.goto('/console?tab=in_work');
    await expect(page.getByTestId('inbox-request').filter({ hasText: complaint })).toBeVisible();
    await page.goto('/console');
    await expect(page.getByTestId('inbox-request').first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`console-inbox-${width}.png`), fullPage: true });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.goto(`/console/cases/${caseId}`);
    await expect(page.getByTestId('case-request')).toContainText(complaint);
    const search = page.getByTestId('service-search');
    await search.fill('приём');
    await expect(page.getByTestId('service-result').nth(1)).toBeVisible();
    const second = (await page.getByTestId('service-result').nth(1).textContent()) ?? '';
    await search.press('ArrowDown');
    await expect(page.getByTestId('service-result').nth(1)).toHaveAttribute('aria-selected', 'true');
    await search.press('Enter');
    await expect(page.getByTestId('chosen-service')).toHaveCount(1);
    const code = /[AB]\d{2}\.\d{2,3}\.\d{3}/.exec(second)?.[0] ?? '';
    await expect(page.getByTestId('chosen-service')).toContainText(code);
    await expect(page.getByTestId('chosen-service').getByTestId('verdict')).toBeVisible();
    await expect(page.getByTestId('clinic-option').first()).toBeVisible();

    // Diagnosis from the ICD-10 suggestions.
    await page.getByTestId('case-icd10').fill('J06');
    await page.getByRole('option', { name: /^J06\.9/ }).click();
    await expect(page.getByTestId('case-diagnosis')).toContainText('J06.9');

    await page.screenshot({ path: test.info().outputPath(`console-case-${width}.png`), fullPage: true });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
}
