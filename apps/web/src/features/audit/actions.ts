/** Plain-language names for audit actions; unknown actions are shown by their code. */
export const ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Вход в систему',
  'auth.logout': 'Выход из системы',
  'auth.login_failed': 'Неудачная попытка входа',
  'auth.login_locked': 'Вход заблокирован после неудачных попыток',
  'user.created': 'Создан пользователь',
  'user.updated': 'Изменены данные пользователя',
  'user.roles_changed': 'Изменены роли',
  'user.blocked': 'Пользователь заблокирован',
  'user.unblocked': 'Пользователь разблокирован',
  'user.password_reset': 'Задан временный пароль',
  'user.password_changed': 'Пароль изменён',
  'api_token.created': 'Выпущен API-токен',
  'api_token.revoked': 'Отозван API-токен',
  'clinic_contract.created': 'Сформирован договор или доп. соглашение',
  'clinic_contract.sent': 'Договор отправлен клинике',
  'clinic_contract.regenerated': 'Договор сформирован заново',
  'clinic_contract.cancelled': 'Договор отменён',
  'clinic_contract.signature_code_sent': 'Отправлен код подписи договора',
  'clinic_contract.signature_refused': 'Подпись договора отклонена',
  'clinic_contract.signed': 'Договор подписан',
  'clinic_document.sent': 'Отправлен документ',
  'clinic_document.received': 'Документ получен',
  'clinic_document.signature_code_sent': 'Отправлен код подписи документа',
  'clinic_document.signature_refused': 'Подпись документа отклонена',
  'clinic_document.signed': 'Документ подписан',
  'clinic_document.rejected': 'Документ отклонён',
  'consent.given': 'Дано согласие',
  'consent.withdrawn': 'Отозвано согласие',
  'personal_data.exported': 'Выгружены персональные данные',
  'insured_person.erased': 'Данные застрахованного обезличены',
};

export const ACTION_PREFIXES = [
  { value: 'auth.', label: 'Входы и выходы' },
  { value: 'user.', label: 'Пользователи' },
  { value: 'api_token.', label: 'API-токены' },
  { value: 'clinic_contract.', label: 'Договоры с клиниками' },
  { value: 'clinic_document.', label: 'Документы клиник' },
  { value: 'consent.', label: 'Согласия' },
  { value: 'personal_data.', label: 'Выгрузки персональных данных' },
];

export const ENTITY_TYPES = [
  { value: 'user', label: 'Пользователь' },
  { value: 'api_token', label: 'API-токен' },
  { value: 'clinic_contract', label: 'Договор с клиникой' },
  { value: 'clinic_document', label: 'Документ клиники' },
  { value: 'consent', label: 'Согласие' },
  { value: 'insured_person', label: 'Застрахованный' },
];

export const entityLabel = (type: string) => ENTITY_TYPES.find((e) => e.value === type)?.label ?? type;
