export const ROLES = [
  'admin',
  'console_doctor',
  'clinic_user',
  'insurer_user',
  'policyholder_user',
  'insured',
  'oms_rep',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_TITLES: Record<Role, string> = {
  admin: 'Администратор',
  console_doctor: 'Врач пульта',
  clinic_user: 'Сотрудник клиники',
  insurer_user: 'Страховая компания',
  policyholder_user: 'Страхователь (работодатель)',
  insured: 'Застрахованный',
  oms_rep: 'Страховой представитель ОМС',
};

export const OMS_LEVELS = [1, 2, 3] as const;
export type OmsLevel = (typeof OMS_LEVELS)[number];

/** Roles whose users work on behalf of an organisation and must be attached to one. */
export const ROLE_ORGANISATION = {
  clinic_user: 'clinic',
  insurer_user: 'insurer',
  policyholder_user: 'policyholder',
} as const satisfies Partial<Record<Role, string>>;

export const STAFF_ROLES: readonly Role[] = ['admin', 'console_doctor', 'oms_rep'];
