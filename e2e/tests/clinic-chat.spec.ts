import type { Page } from '@playwright/test';
import { unique } from '../fixtures/accounts.ts';
import type { ApiSession } from '../fixtures/api.ts';
import { loginAs } from '../fixtures/login.ts';
import { expect, test } from '../fixtures/world.ts';

/** A 1×1 PNG, as a phone photo of a referral would be, only smaller. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * A new doctor has not read anything yet: every clinic's thread counts as unread for them. This one has read
 * what was there before the test, as a doctor on duty would have.
 */
async function catchUp(doctor: ApiSession) {
  const threads =
    await doctor.get<{ id: string; unread: number; lastMessage: { seq: number } | null }[]>(
      '/api/console/chat/threads',
    );
  for (const t of threads.filter((t) => t.unread > 0 && t.lastMessage)) {
    await doctor.post(`/api/console/chat/threads/${t.id}/read`, { seq: t.lastMessage!.seq });
  }
}

const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('a clinic writes to medical expertise with a file; the console doctor answers and the clinic sees it live', async ({
  browser,
  world,
}) => {
  const [clinicUser, doctorUser] = await Promise.all([
    world.clinic({ stage: 'registered' }),
    world.staff('console_doctor'),
  ]);
  await catchUp(doctorUser.api);
  const clinicContext = await browser.newContext();
  const doctorContext = await browser.newContext();
  const clinic = await clinicContext.newPage();
  const doctor = await doctorContext.newPage();
  const question = unique('Просим согласовать МРТ головного мозга');
  const answer = unique('МРТ согласовано, гарантийное письмо продлено');

  await loginAs(clinic, clinicUser, 'home-clinic_user');
  await clinic.getByTestId('main-nav').getByRole('link', { name: 'Контакты отделов' }).click();
  const expertise = clinic.getByTestId('department-contact').filter({ hasText: 'Медицинская экспертиза' });
  await expect(expertise).toContainText('expert@demo.remed.ru');
  await expertise.getByRole('button', { name: 'Написать в чат: Медицинская экспертиза' }).click();
  const conversation = clinic.getByTestId('chat-conversation');
  await expect(conversation.getByRole('heading', { name: 'Медицинская экспертиза' })).toBeVisible();

  await conversation.getByTestId('chat-input').fill(question);
  await conversation
    .locator('input[type="file"]')
    .setInputFiles({ name: 'направление.png', mimeType: 'image/png', buffer: PNG });
  await expect(conversation.getByTestId('chat-pending-file')).toContainText('направление.png');
  await conversation.getByRole('button', { name: 'Отправить' }).click();
  const sent = conversation.getByTestId('chat-message').filter({ hasText: question });
  await expect(sent).toBeVisible();
  await expect(sent.getByTestId('chat-image')).toBeVisible();
  await expect(sent.getByLabel('Доставлено')).toBeVisible();
  await expect(conversation.getByTestId('chat-pending-file')).toHaveCount(0);

  // The console doctor, in another browser, sees the unread badge and the thread first in the list.
  await loginAs(doctor, doctorUser, 'home-console_doctor');
  const nav = doctor.getByTestId('main-nav');
  await expect(nav.getByTestId('chat-unread-badge')).toBeVisible();
  await nav.getByRole('link', { name: /Чат с клиниками/ }).click();
  const thread = doctor
    .getByTestId('chat-thread')
    .filter({ hasText: 'Медицинская экспертиза' })
    .filter({ hasText: question.slice(0, 40) });
  await expect(thread.getByTestId('thread-unread')).toHaveText('1');
  await thread.click();
  const doctorView = doctor.getByTestId('chat-conversation');
  const received = doctorView.getByTestId('chat-message').filter({ hasText: question });
  await expect(received.getByTestId('chat-image')).toBeVisible();
  await expect(nav.getByTestId('chat-unread-badge')).toHaveCount(0);

  // Opening the thread is reading it: the clinic's message turns «прочитано» on its own.
  await expect(sent.getByLabel('Прочитано')).toBeVisible();

  await doctorView.getByTestId('chat-input').fill(answer);
  await doctorView.getByTestId('chat-input').press('Enter');
  await expect(doctorView.getByTestId('chat-message').filter({ hasText: answer })).toBeVisible();

  // No reload on the clinic's side: the answer arrives over the socket.
  const arrived = conversation.getByTestId('chat-message').filter({ hasText: answer });
  await expect(arrived).toBeVisible();
  await expect(arrived).toHaveAttribute('data-side', 'service');
  // The clinic is looking at the conversation, so the answer is read at once, and the doctor sees that.
  await expect(
    doctorView.getByTestId('chat-message').filter({ hasText: answer }).getByLabel('Прочитано'),
  ).toBeVisible();
  await expect(
    clinic
      .getByTestId('chat-thread')
      .filter({ hasText: 'Медицинская экспертиза' })
      .getByTestId('thread-unread'),
  ).toHaveCount(0);

  // The doctor finds the request in the thread's history by a word of it.
  await doctorView.getByRole('button', { name: 'Поиск по переписке' }).click();
  await doctorView.getByTestId('chat-search').fill(question.split(' ').at(-1) ?? question);
  await expect(doctorView.getByTestId('chat-search-results').getByTestId('chat-message')).toHaveCount(1);
  await expect(doctorView.getByTestId('chat-search-results')).toContainText(question);

  await clinicContext.close();
  await doctorContext.close();
});

test('on a phone the thread list and the conversation are two screens', async ({ browser, world }) => {
  const clinicUser = await world.clinic({ stage: 'registered' });
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await loginAs(page, clinicUser, 'home-clinic_user');
  await page.goto('/clinic/chat');
  const general = page.getByTestId('chat-thread').filter({ hasText: 'Общие вопросы' });
  await expect(general).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await general.click();
  const conversation = page.getByTestId('chat-conversation');
  await expect(conversation.getByRole('heading', { name: 'Общие вопросы' })).toBeVisible();
  await expect(page.getByTestId('chat-thread')).toHaveCount(0);
  await expect(conversation.getByTestId('chat-input')).toBeInViewport();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await conversation.getByRole('button', { name: 'Назад к списку переписок' }).click();
  await expect(page.getByTestId('chat-thread')).toHaveCount(4);
  await context.close();
});
