import { test } from '@playwright/test';
import { loginAs } from '../fixtures/login.ts';

for (const width of [390, 1280]) {
  test(`shots ${width}`, async ({ browser }) => {
    const ctx = await browser.newContext({ viewport: { width, height: width === 390 ? 844 : 860 } });
    const page = await ctx.newPage();
    await loginAs(page, 'clinic@demo.remed.ru', 'home-clinic_user');
    await page.screenshot({ path: `/tmp/shots/chat-home-${width}.png` });
    await page.goto('/clinic/contacts');
    await page.getByTestId('department-contact').first().waitFor();
    await page.screenshot({ path: `/tmp/shots/chat-contacts-${width}.png`, fullPage: true });
    await page.goto('/clinic/chat');
    await page.getByTestId('chat-thread').first().waitFor();
    await page.screenshot({ path: `/tmp/shots/chat-list-${width}.png` });
    // The seeded conversation may be in either clinic of the network.
    for (const name of ['Договорной отдел']) {
      const t = page.getByTestId('chat-thread').filter({ hasText: name });
      await t.click();
    }
    await page.getByTestId('chat-conversation').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shots/chat-conv-${width}.png` });
    const doc = await browser.newContext({ viewport: { width, height: width === 390 ? 844 : 860 } });
    const d = await doc.newPage();
    await loginAs(d, 'doctor@demo.remed.ru', 'home-console_doctor');
    await d.goto('/console/chat');
    await d.getByTestId('chat-thread').first().waitFor();
    await d.screenshot({ path: `/tmp/shots/chat-console-${width}.png` });
    await d.getByTestId('chat-thread').first().click();
    await d.waitForTimeout(800);
    await d.screenshot({ path: `/tmp/shots/chat-console-conv-${width}.png` });
    const adm = await browser.newContext({ viewport: { width, height: 900 } });
    const a = await adm.newPage();
    await loginAs(a, 'admin@demo.remed.ru', 'home-admin');
    await a.goto('/admin/contacts');
    await a.getByTestId('contact-form').first().waitFor();
    await a.screenshot({ path: `/tmp/shots/chat-admin-${width}.png` });
  });
}
