/**
 * The one table of stable error codes, shared by the server and the web UI: each code's HTTP status and
 * its Russian text. The server sends `{ code, message, details? }`; the UI falls back to the text here
 * when a body carries no message, so a code means the same thing on both sides.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: 'Проверьте заполнение полей' },
  UNAUTHENTICATED: { status: 401, message: 'Войдите в систему' },
  SESSION_EXPIRED: { status: 401, message: 'Сеанс истёк. Войдите снова' },
  INVALID_CREDENTIALS: { status: 401, message: 'Неверный логин или пароль' },
  LOGIN_LOCKED: { status: 429, message: 'Слишком много неудачных попыток входа. Попробуйте позже' },
  RATE_LIMITED: { status: 429, message: 'Слишком много запросов. Подождите немного и повторите' },
  ACCOUNT_BLOCKED: { status: 403, message: 'Учётная запись заблокирована. Обратитесь к администратору' },
  SECOND_FACTOR_SETUP_REQUIRED: {
    status: 403,
    message: 'Сначала подключите вход с кодом из приложения-аутентификатора',
  },
  SECOND_FACTOR_INVALID: {
    status: 401,
    message: 'Неверный код. Введите шесть цифр из приложения или резервный код',
  },
  SECOND_FACTOR_CODE_USED: {
    status: 401,
    message: 'Этот код уже использован. Дождитесь следующего кода в приложении',
  },
  SECOND_FACTOR_LOGIN_EXPIRED: {
    status: 401,
    message: 'Время на ввод кода истекло. Войдите снова: e-mail или телефон и пароль',
  },
  SECOND_FACTOR_ENROLLED: { status: 409, message: 'Вход с кодом уже подключён' },
  SECOND_FACTOR_NOT_ENROLLED: { status: 409, message: 'Вход с кодом ещё не подключён' },
  CSRF_INVALID: { status: 403, message: 'Страница устарела. Обновите её и повторите действие' },
  FORBIDDEN: { status: 403, message: 'Недостаточно прав для этого действия' },
  NOT_FOUND: { status: 404, message: 'Не найдено' },
  CONFLICT: { status: 409, message: 'Запись уже существует' },
  EMAIL_TAKEN: { status: 409, message: 'Этот адрес электронной почты уже занят' },
  PHONE_TAKEN: { status: 409, message: 'Этот номер телефона уже занят' },
  WRONG_PASSWORD: { status: 400, message: 'Текущий пароль указан неверно' },
  WEAK_PASSWORD: { status: 400, message: 'Пароль слишком простой' },
  ORGANISATION_REQUIRED: { status: 400, message: 'Укажите организацию пользователя' },
  CANNOT_BLOCK_SELF: { status: 400, message: 'Нельзя заблокировать собственную учётную запись' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'Файл слишком большой' },
  TABLE_UNREADABLE: {
    status: 400,
    message: 'Файл не читается как таблица. Сохраните его в Excel как «Книга Excel (.xlsx)» или CSV',
  },
  TABLE_TOO_MANY_ROWS: { status: 422, message: 'В файле слишком много строк' },
  TABLE_CELL_TOO_LONG: { status: 422, message: 'В файле есть слишком длинная ячейка' },
  TABLE_ROW_TOO_LONG: { status: 422, message: 'В файле есть слишком длинная строка' },
  TABLE_UNPACKED_TOO_LARGE: { status: 413, message: 'Таблица внутри файла XLSX слишком большая' },
  CODE_INVALID: { status: 400, message: 'Неверный код. Проверьте цифры из SMS' },
  CODE_EXPIRED: { status: 400, message: 'Срок действия кода истёк. Запросите новый код' },
  CODE_TOO_MANY_ATTEMPTS: { status: 429, message: 'Слишком много неверных попыток. Запросите новый код' },
  CODE_RATE_LIMITED: { status: 429, message: 'Код уже отправлен. Новый можно запросить чуть позже' },
  ALREADY_REGISTERED: { status: 409, message: 'Вы уже зарегистрированы. Войдите по телефону и паролю' },
  CONSENT_REQUIRED: {
    status: 400,
    message: 'Без согласия на обработку персональных данных мы не сможем оказать услугу',
  },
  CONSENT_NOT_WITHDRAWABLE: {
    status: 409,
    message: 'Это согласие нельзя отозвать в личном кабинете: подайте письменное заявление оператору',
  },
  ERASURE_BLOCKED: {
    status: 409,
    message: 'Данные пока нельзя обезличить: по ним идёт незавершённая работа',
  },
  NOT_COVERED: { status: 422, message: 'Услуга не входит в программу страхования' },
  LIMIT_EXCEEDED: { status: 422, message: 'Сумма превышает остаток лимита по программе' },
  PRICE_NOT_FOUND: { status: 422, message: 'В прейскуранте клиники нет такой услуги' },
  PRICE_LIST_HAS_ERRORS: {
    status: 422,
    message: 'В прейскуранте есть ошибки: исправьте их, и тогда его можно будет опубликовать',
  },
  INVALID_STATE: { status: 409, message: 'Действие недоступно в текущем состоянии' },
  POLICY_NOT_ACTIVE: { status: 422, message: 'Полис не действует' },
  CLINIC_ALREADY_REGISTERED: { status: 409, message: 'Клиника с этим ИНН уже зарегистрирована в remed' },
  COMPANY_INACTIVE: {
    status: 422,
    message: 'Организация ликвидирована, ликвидируется или признана банкротом — зарегистрировать её нельзя',
  },
  QR_NOT_FOUND: {
    status: 422,
    message:
      'На фото не нашёлся QR-код чека. Сфотографируйте чек ближе, чтобы QR-код был целиком и в фокусе, или введите данные вручную',
  },
  REQUISITES_INCOMPLETE: { status: 422, message: 'Заполните реквизиты клиники, чтобы сформировать договор' },
  DOCUMENT_CHANGED: {
    status: 409,
    message:
      'Документ изменился после того, как вы его открыли. Откройте новую версию, проверьте её и подпишите снова',
  },
  CONTRACT_REQUIRED: { status: 422, message: 'Нужен договор с сервисом, подписанный обеими сторонами' },
  PRICE_LIST_REQUIRED: { status: 422, message: 'Нужен действующий прейскурант клиники' },
  INVALID_TEXT: {
    status: 400,
    message:
      'В тексте есть недопустимые символы (нулевой байт или испорченная кодировка). Уберите их и повторите',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'Файл нужно отправить через форму загрузки (multipart/form-data)',
  },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: 'Сначала смените временный пароль' },
  ORIGIN_REFUSED: {
    status: 403,
    message: 'Запрос пришёл с чужого сайта и отклонён. Откройте remed по его адресу и повторите',
  },
  QR_TIMEOUT: {
    status: 422,
    message:
      'Не удалось прочитать QR-код на фото за отведённое время. Сфотографируйте чек ближе, чтобы QR-код был целиком и в фокусе, или введите данные вручную',
  },
  IMAGE_TOO_LARGE: { status: 422, message: 'Фото слишком большое. Уменьшите его и отправьте снова' },
  INTERNAL: { status: 500, message: 'Внутренняя ошибка сервера. Мы уже разбираемся' },
  UNAVAILABLE: { status: 503, message: 'Сервис временно недоступен' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && Object.hasOwn(ERRORS, code);

/** The Russian text of a code; a code this build does not know reads as an internal error. */
export function errorMessage(code: string): string {
  return isErrorCode(code) ? ERRORS[code].message : ERRORS.INTERNAL.message;
}

export const errorStatus = (code: ErrorCode): number => ERRORS[code].status;
