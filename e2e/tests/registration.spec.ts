import { codeFromOutbox } from '../fixtures/api.ts';
import { expect, test } from '../fixtures/world.ts';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('an invited person registers by phone and SMS code, gives consents and lands on the insured home', async ({
  page,
  world,
}) => {
  // A person of the test's own on the insured list, not registered yet.
  const [invited] = await world.people([
    { lastName: 'Смирнов', firstName: 'Алексей', middleName: 'Игоревич', sex: 'М' },
  ]);
  const phone = invited!.phone;
  const [, code3, d3, d2a, d2b] = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone)!;
  await page.goto('/login');
  await page.getByRole('link', { name: 'Я приглашён — зарегистрироваться' }).click();
  await expect(page).toHaveURL(/\/register$/);
  await expect(page.getByTestId('register-step')).toContainText('Шаг 1 из 4');
  await page.screenshot({ path: test.info().outputPath(`register-1-phone-390.png`) });

  await page.getByLabel('Номер телефона').fill(`8 ${code3} ${d3} ${d2a} ${d2b}`);
  await expect(page.getByLabel('Номер телефона')).toHaveValue(`+7 ${code3} ${d3}-${d2a}-${d2b}`);
  await page.getByRole('button', { name: 'Получить код' }).click();
  await expect(page.getByTestId('register-step')).toContainText('Шаг 2 из 4');
  await expect(page.getByTestId('resend-countdown')).toContainText('через');

  // A wrong code is refused with a plain message.
  const codeInput = page.getByLabel('Код из SMS');
  await expect(codeInput).toHaveAttribute('inputmode', 'numeric');
  await codeInput.fill('000000');
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(page.getByTestId('register-code')).toContainText('Неверный код');
  await page.screenshot({ path: test.info().outputPath(`register-2-code-390.png`) });

  // The code from the newest registration SMS to this phone (the outbox lists newest first).
  const code = await codeFromOutbox(
    world.root,
    'sms',
    (m) => m.recipient === phone && /код для регистрации/.test(m.body),
  );
  await codeInput.fill(code);
  await page.getByRole('button', { name: 'Подтвердить' }).click();

  await expect(page.getByTestId('register-greeting')).toHaveText(/Здравствуйте, Алексей/);
  await page.getByLabel('Пароль', { exact: true }).fill('Smirnov-2026-pass');
  await page.getByLabel('Пароль ещё раз').fill('Smirnov-2026-pass');
  await page.screenshot({ path: test.info().outputPath(`register-3-password-390.png`) });
  await page.getByRole('button', { name: 'Далее' }).click();

  await expect(page.getByTestId('register-step')).toContainText('Шаг 4 из 4');
  await expect(page.getByTestId('consent-text-data')).toContainText('152-ФЗ');
  await expect(page.getByTestId('consent-text-employer')).toContainText('отозвать в любой момент');
  await page.screenshot({ path: test.info().outputPath(`register-4-consents-390.png`), fullPage: true });

  // Without the required consent the button does not proceed.
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(page.getByText('Без этого согласия мы не сможем организовать вам лечение')).toBeVisible();
  await expect(page).toHaveURL(/\/register$/);

  await page.getByRole('checkbox', { name: /Я даю согласие на обработку персональных данных/ }).check();
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(page).toHaveURL(/\/$/);
  const home = page.getByTestId('home-insured');
  await expect(home).toBeVisible();
  await expect(home).toContainText('Здравствуйте, Алексей!');
  await expect(home.getByTestId('policy')).toBeVisible();

  // The employer consent was not given: the account page shows it off and lets the person change it.
  await page.goto('/account');
  const sharing = page.getByTestId('employer-consent').getByRole('switch');
  await expect(sharing).not.toBeChecked();
  await sharing.click();
  await expect(page.getByTestId('employer-consent')).toContainText('Можно отозвать в любой момент');
  await expect(sharing).toBeChecked();
});

test('a code for a number that is not on the list is refused as wrong', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('Номер телефона').fill('+7 999 000-11-22');
  await page.getByRole('button', { name: 'Получить код' }).click();
  await page.getByLabel('Код из SMS').fill('123456');
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(page.getByTestId('register-code')).toContainText('Неверный код');
});
