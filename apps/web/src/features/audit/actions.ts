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
};

export const ACTION_PREFIXES = [
  { value: 'auth.', label: 'Входы и выходы' },
  { value: 'user.', label: 'Пользователи' },
  { value: 'api_token.', label: 'API-токены' },
];

export const ENTITY_TYPES = [
  { value: 'user', label: 'Пользователь' },
  { value: 'api_token', label: 'API-токен' },
];

export const entityLabel = (type: string) => ENTITY_TYPES.find((e) => e.value === type)?.label ?? type;
