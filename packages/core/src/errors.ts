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
  SECOND_FACTOR_SETUP_REQUIRED: 'Сначала подключите вход с кодом из приложения-аутентификатора',
  SECOND_FACTOR_INVALID: 'Неверный код. Введите шесть цифр из приложения или резервный код',
  SECOND_FACTOR_CODE_USED: 'Этот код уже использован. Дождитесь следующего кода в приложении',
  SECOND_FACTOR_LOGIN_EXPIRED: 'Время на ввод кода истекло. Войдите снова: e-mail или телефон и пароль',
  SECOND_FACTOR_ENROLLED: 'Вход с кодом уже подключён',
  SECOND_FACTOR_NOT_ENROLLED: 'Вход с кодом ещё не подключён',
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
  TABLE_UNREADABLE: 'Файл не читается как таблица. Сохраните его в Excel как «Книга Excel (.xlsx)» или CSV',
  TABLE_TOO_MANY_ROWS: 'В файле слишком много строк',
  TABLE_CELL_TOO_LONG: 'В файле есть слишком длинная ячейка',
  TABLE_ROW_TOO_LONG: 'В файле есть слишком длинная строка',
  TABLE_UNPACKED_TOO_LARGE: 'Таблица внутри файла XLSX слишком большая',
  CODE_INVALID: 'Неверный код. Проверьте цифры из SMS',
  CODE_EXPIRED: 'Срок действия кода истёк. Запросите новый код',
  CODE_TOO_MANY_ATTEMPTS: 'Слишком много неверных попыток. Запросите новый код',
  CODE_RATE_LIMITED: 'Код уже отправлен. Новый можно запросить чуть позже',
  ALREADY_REGISTERED: 'Вы уже зарегистрированы. Войдите по телефону и паролю',
  CONSENT_REQUIRED: 'Без согласия на обработку персональных данных мы не сможем оказать услугу',
  CONSENT_NOT_WITHDRAWABLE:
    'Это согласие нельзя отозвать в личном кабинете: подайте письменное заявление оператору',
  ERASURE_BLOCKED: 'Данные пока нельзя обезличить: по ним идёт незавершённая работа',
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
  INVALID_TEXT:
    'В тексте есть недопустимые символы (нулевой байт или испорченная кодировка). Уберите их и повторите',
  UNSUPPORTED_MEDIA_TYPE: 'Файл нужно отправить через форму загрузки (multipart/form-data)',
  PASSWORD_CHANGE_REQUIRED: 'Сначала смените временный пароль',
  ORIGIN_REFUSED: 'Запрос пришёл с чужого сайта и отклонён. Откройте remed по его адресу и повторите',
  QR_TIMEOUT:
    'Не удалось прочитать QR-код на фото за отведённое время. Сфотографируйте чек ближе, чтобы QR-код был целиком и в фокусе, или введите данные вручную',
  IMAGE_TOO_LARGE: 'Фото слишком большое. Уменьшите его и отправьте снова',
  INTERNAL: 'Внутренняя ошибка сервера. Мы уже разбираемся',
  UNAVAILABLE: 'Сервис временно недоступен',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function errorMessage(code: string): string {
  return (ERROR_MESSAGES as Record<string, string>)[code] ?? ERROR_MESSAGES.INTERNAL;
}
