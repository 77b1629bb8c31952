import { codeFromOutbox, outbox } from '../fixtures/api.ts';
import { expect, test } from '../fixtures/world.ts';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('a person the insurer imports gets the invitation and registers from it', async ({ page, world }) => {
  // An addition to the list: nobody else is detached, so tests running beside this one are not disturbed.
  const [person] = await world.people([
    { lastName: 'Лебедева', firstName: 'Светлана', middleName: 'Игоревна' },
  ]);
  const phone = person!.phone;

  const invitation = (await outbox(world.root, 'sms')).find(
    (m) => m.recipient === phone && /Зарегистрируйтесь/.test(m.body),
  );
  expect(invitation?.body).toContain('/register');

  await page.goto('/register');
  await page.getByLabel('Номер телефона').fill(phone);
  await page.getByRole('button', { name: 'Получить код' }).click();
  const code = await codeFromOutbox(
    world.root,
    'sms',
    (m) => m.recipient === phone && /код для регистрации/.test(m.body),
  );
  await page.getByLabel('Код из SMS').fill(code);
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(page.getByTestId('register-greeting')).toHaveText(/Здравствуйте, Светлана/);
  await page.getByLabel('Пароль', { exact: true }).fill('Lebedeva-2026-pass');
  await page.getByLabel('Пароль ещё раз').fill('Lebedeva-2026-pass');
  await page.getByRole('button', { name: 'Далее' }).click();
  await page.getByRole('checkbox', { name: /Я даю согласие на обработку персональных данных/ }).check();
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(page.getByTestId('home-insured')).toContainText('Здравствуйте, Светлана!');
});
