/**
 * Stable error codes shared by the server and the web UI. The server sends `{ code, message, details? }`;
 * the UI shows the Russian text for the code, so a message change never breaks a client.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: 'Проверьте заполнение полей',
  UNAUTHENTICATED: 'Войдите в систему',
  SESSION_EXPIRED: 'Сеанс истёк. Войдите снова',
  INVALID_CREDENTIALS: 'Неверный логин или пароль',
  LOGIN_LOCKED: 'Слишком много неудачных попыток входа. Попробуйте позже',
  RATE_LIMITED: 'Слишком много запросов. Подождите немного и повторите',
  ACCOUNT_BLOCKED: 'Учётная запись заблокирована. Обратитесь к администратору',
  CSRF_INVALID: 'Страница устарела. Обновите её и повторите действие',
  FORBIDDEN: 'Недостаточно прав для этого действия',
  NOT_FOUND: 'Не найдено',
  CONFLICT: 'Запись уже существует',
  EMAIL_TAKEN: 'Этот адрес электронной почты уже занят',
  PHONE_TAKEN: 'Этот номер телефона уже занят',
  WRONG_PASSWORD: 'Текущий пароль указан неверно',
  WEAK_PASSWORD: 'Пароль слишком простой',
  ORGANISATION_REQUIRED: 'Укажите организацию пользователя',
  CANNOT_BLOCK_SELF: 'Нельзя заблокировать собственную учётную запись',
  PAYLOAD_TOO_LARGE: 'Файл слишком большой',
  CODE_INVALID: 'Неверный код. Проверьте цифры из SMS',
  CODE_EXPIRED: 'Срок действия кода истёк. Запросите новый код',
  CODE_TOO_MANY_ATTEMPTS: 'Слишком много неверных попыток. Запросите новый код',
  CODE_RATE_LIMITED: 'Код уже отправлен. Новый можно запросить чуть позже',
  ALREADY_REGISTERED: 'Вы уже зарегистрированы. Войдите по телефону и паролю',
  CONSENT_REQUIRED: 'Без согласия на обработку персональных данных мы не сможем оказать услугу',
  NOT_COVERED: 'Услуга не входит в программу страхования',
  LIMIT_EXCEEDED: 'Сумма превышает остаток лимита по программе',
  PRICE_NOT_FOUND: 'В прейскуранте клиники нет такой услуги',
  PRICE_LIST_HAS_ERRORS: 'В прейскуранте есть ошибки: исправьте их, и тогда его можно будет опубликовать',
  INVALID_STATE: 'Действие недоступно в текущем состоянии',
  POLICY_NOT_ACTIVE: 'Полис не действует',
  CLINIC_ALREADY_REGISTERED: 'Клиника с этим ИНН уже зарегистрирована в remed',
  COMPANY_INACTIVE:
    'Организация ликвидирована, ликвидируется или признана банкротом — зарегистрировать её нельзя',
  QR_NOT_FOUND:
    'На фото не нашёлся QR-код чека. Сфотографируйте чек ближе, чтобы QR-код был целиком и в фокусе, или введите данные вручную',
  REQUISITES_INCOMPLETE: 'Заполните реквизиты клиники, чтобы сформировать договор',
  DOCUMENT_CHANGED:
    'Документ изменился после того, как вы его открыли. Откройте новую версию, проверьте её и подпишите снова',
  CONTRACT_REQUIRED: 'Нужен договор с сервисом, подписанный обеими сторонами',
  PRICE_LIST_REQUIRED: 'Нужен действующий прейскурант клиники',
  INTERNAL: 'Внутренняя ошибка сервера. Мы уже разбираемся',
  UNAVAILABLE: 'Сервис временно недоступен',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function errorMessage(code: string): string {
  return (ERROR_MESSAGES as Record<string, string>)[code] ?? ERROR_MESSAGES.INTERNAL;
}
