/**
 * The one table of stable error codes, shared by the server and the web UI: each code's HTTP status and
 * its Russian text. The server sends `{ code, message, details? }`; the UI falls back to the text here
 * when a body carries no message, so a code means the same thing on both sides.
 */
const MESSAGES_BY_STATUS = {
  400: {
    VALIDATION_FAILED: 'Проверьте заполнение полей',
    WRONG_PASSWORD: 'Текущий пароль указан неверно',
    WEAK_PASSWORD: 'Пароль слишком простой',
    ORGANISATION_REQUIRED: 'Укажите организацию пользователя',
    CANNOT_BLOCK_SELF: 'Нельзя заблокировать собственную учётную запись',
    TABLE_UNREADABLE: 'Файл не читается как таблица. Сохраните его в Excel как «Книга Excel (.xlsx)» или CSV',
    CODE_INVALID: 'Неверный код. Проверьте цифры из SMS',
    CODE_EXPIRED: 'Срок действия кода истёк. Запросите новый код',
    CONSENT_REQUIRED: 'Без согласия на обработку персональных данных мы не сможем оказать услугу',
    INVALID_TEXT:
      'В тексте есть недопустимые символы (нулевой байт или испорченная кодировка). Уберите их и повторите',
  },
  401: {
    UNAUTHENTICATED: 'Войдите в систему',
    SESSION_EXPIRED: 'Сеанс истёк. Войдите снова',
    INVALID_CREDENTIALS: 'Неверный логин или пароль',
    SECOND_FACTOR_INVALID: 'Неверный код. Введите шесть цифр из приложения или резервный код',
    SECOND_FACTOR_CODE_USED: 'Этот код уже использован. Дождитесь следующего кода в приложении',
    SECOND_FACTOR_LOGIN_EXPIRED: 'Время на ввод кода истекло. Войдите снова: e-mail или телефон и пароль',
  },
  403: {
    ACCOUNT_BLOCKED: 'Учётная запись заблокирована. Обратитесь к администратору',
    SECOND_FACTOR_SETUP_REQUIRED: 'Сначала подключите вход с кодом из приложения-аутентификатора',
    CSRF_INVALID: 'Страница устарела. Обновите её и повторите действие',
    FORBIDDEN: 'Недостаточно прав для этого действия',
    PASSWORD_CHANGE_REQUIRED: 'Сначала смените временный пароль',
    ORIGIN_REFUSED: 'Запрос пришёл с чужого сайта и отклонён. Откройте remed по его адресу и повторите',
  },
  404: {
    NOT_FOUND: 'Не найдено',
  },
  409: {
    SECOND_FACTOR_ENROLLED: 'Вход с кодом уже подключён',
    SECOND_FACTOR_NOT_ENROLLED: 'Вход с кодом ещё не подключён',
    CONFLICT: 'Запись уже существует',
    EMAIL_TAKEN: 'Этот адрес электронной почты уже занят',
    PHONE_TAKEN: 'Этот номер телефона уже занят',
    ALREADY_REGISTERED: 'Вы уже зарегистрированы. Войдите по телефону и паролю',
    CONSENT_NOT_WITHDRAWABLE:
      'Это согласие нельзя отозвать в личном кабинете: подайте письменное заявление оператору',
    ERASURE_BLOCKED: 'Данные пока нельзя обезличить: по ним идёт незавершённая работа',
    INVALID_STATE: 'Действие недоступно в текущем состоянии',
    CLINIC_ALREADY_REGISTERED: 'Клиника с этим ИНН уже зарегистрирована в remed',
    DOCUMENT_CHANGED:
      'Документ изменился после того, как вы его открыли. Откройте новую версию, проверьте её и подпишите снова',
  },
  413: {
    PAYLOAD_TOO_LARGE: 'Файл слишком большой',
    TABLE_UNPACKED_TOO_LARGE: 'Таблица внутри файла XLSX слишком большая',
  },
  415: {
    UNSUPPORTED_MEDIA_TYPE: 'Файл нужно отправить через форму загрузки (multipart/form-data)',
  },
  422: {
    TABLE_TOO_MANY_ROWS: 'В файле слишком много строк',
    TABLE_CELL_TOO_LONG: 'В файле есть слишком длинная ячейка',
    TABLE_ROW_TOO_LONG: 'В файле есть слишком длинная строка',
    NOT_COVERED: 'Услуга не входит в программу страхования',
    LIMIT_EXCEEDED: 'Сумма превышает остаток лимита по программе',
    PRICE_NOT_FOUND: 'В прейскуранте клиники нет такой услуги',
    PRICE_LIST_HAS_ERRORS: 'В прейскуранте есть ошибки: исправьте их, и тогда его можно будет опубликовать',
    POLICY_NOT_ACTIVE: 'Полис не действует',
    COMPANY_INACTIVE:
      'Организация ликвидирована, ликвидируется или признана банкротом — зарегистрировать её нельзя',
    QR_NOT_FOUND:
      'На фото не нашёлся QR-код чека. Сфотографируйте чек ближе, чтобы QR-код был целиком и в фокусе, или введите данные вручную',
    REQUISITES_INCOMPLETE: 'Заполните реквизиты клиники, чтобы сформировать договор',
    CONTRACT_REQUIRED: 'Нужен договор с сервисом, подписанный обеими сторонами',
    PRICE_LIST_REQUIRED: 'Нужен действующий прейскурант клиники',
    QR_TIMEOUT:
      'Не удалось прочитать QR-код на фото за отведённое время. Сфотографируйте чек ближе, чтобы QR-код был целиком и в фокусе, или введите данные вручную',
    IMAGE_TOO_LARGE: 'Фото слишком большое. Уменьшите его и отправьте снова',
  },
  429: {
    LOGIN_LOCKED: 'Слишком много неудачных попыток входа. Попробуйте позже',
    RATE_LIMITED: 'Слишком много запросов. Подождите немного и повторите',
    CODE_TOO_MANY_ATTEMPTS: 'Слишком много неверных попыток. Запросите новый код',
    CODE_RATE_LIMITED: 'Код уже отправлен. Новый можно запросить чуть позже',
  },
  500: {
    INTERNAL: 'Внутренняя ошибка сервера. Мы уже разбираемся',
  },
  503: {
    UNAVAILABLE: 'Сервис временно недоступен',
  },
} as const satisfies Record<number, Record<string, string>>;

type Table = typeof MESSAGES_BY_STATUS;
type Entry = {
  [S in keyof Table]: { [C in keyof Table[S]]: { code: C; status: S; message: Table[S][C] } }[keyof Table[S]];
}[keyof Table];

export type ErrorCode = Entry['code'];

/** Each code with its status and text, looked up by code; read from the table above, grouped by status. */
export const ERRORS = Object.fromEntries(
  Object.entries(MESSAGES_BY_STATUS).flatMap(([status, messages]) =>
    Object.entries(messages).map(([code, message]) => [code, { status: Number(status), message }]),
  ),
) as { readonly [E in Entry as E['code']]: { readonly status: E['status']; readonly message: E['message'] } };

export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && Object.hasOwn(ERRORS, code);

/** The Russian text of a code; a code this build does not know reads as an internal error. */
export function errorMessage(code: string): string {
  return isErrorCode(code) ? ERRORS[code].message : ERRORS.INTERNAL.message;
}

export const errorStatus = (code: ErrorCode): number => ERRORS[code].status;
