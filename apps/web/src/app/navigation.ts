import { ROLES, type Role, type SessionUser } from '@remed/core';
import {
  type Icon,
  IconAddressBook,
  IconBuildingBank,
  IconBuildingHospital,
  IconCashRegister,
  IconChartBar,
  IconFileCertificate,
  IconFileDescription,
  IconFiles,
  IconFileText,
  IconFirstAidKit,
  IconGift,
  IconHome,
  IconListDetails,
  IconLock,
  IconMail,
  IconMessageCircle,
  IconMessageReport,
  IconMessages,
  IconReceipt,
  IconReceiptRefund,
  IconScale,
  IconShieldCheck,
  IconStar,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';

export interface NavItem {
  to: string;
  label: string;
  icon: Icon;
  roles: readonly Role[] | 'all';
  /** A counter shown beside the label. */
  badge?: 'chat';
}

/** Staff who see letters addressed to their organisation; the insured see their own under another title. */
const STAFF_LETTER_READERS: readonly Role[] = ['clinic_user', 'insurer_user'];

/** The single list of sections: the navbar shows it and the router guards pages with the same roles. */
const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Главная', icon: IconHome, roles: 'all' },
  { to: '/help', label: 'Попросить помощи', icon: IconFirstAidKit, roles: ['insured'] },
  { to: '/letters', label: 'Мои гарантийные письма', icon: IconFileCertificate, roles: ['insured'] },
  { to: '/claims', label: 'Мои чеки и выплаты', icon: IconReceipt, roles: ['insured'] },
  { to: '/my-data', label: 'Мои данные и согласия', icon: IconLock, roles: ['insured'] },
  { to: '/console', label: 'Обращения', icon: IconMessages, roles: ['console_doctor'] },
  { to: '/console/reviews', label: 'Ручная проверка', icon: IconReceiptRefund, roles: ['console_doctor'] },
  {
    to: '/console/complaints',
    label: 'Жалобы на клиники',
    icon: IconMessageReport,
    roles: ['console_doctor'],
  },
  {
    to: '/insurance',
    label: 'Программы и застрахованные',
    icon: IconUsersGroup,
    roles: ['insurer_user', 'admin'],
  },
  { to: '/letters', label: 'Гарантийные письма', icon: IconFileCertificate, roles: STAFF_LETTER_READERS },
  // The clinic cabinet, in the order a clinic usually needs it.
  { to: '/clinic/patients', label: 'Прикреплённые пациенты', icon: IconUsersGroup, roles: ['clinic_user'] },
  { to: '/clinic/programs', label: 'Программы ДМС', icon: IconShieldCheck, roles: ['clinic_user'] },
  { to: '/clinic/price-lists', label: 'Прейскуранты', icon: IconListDetails, roles: ['clinic_user'] },
  { to: '/clinic/contracts', label: 'Договор', icon: IconFileDescription, roles: ['clinic_user'] },
  { to: '/clinic/documents', label: 'Документы', icon: IconFiles, roles: ['clinic_user'] },
  { to: '/clinic/bonus', label: 'Бонусная программа', icon: IconGift, roles: ['clinic_user'] },
  { to: '/clinic/rating', label: 'Рейтинг', icon: IconStar, roles: ['clinic_user'] },
  { to: '/clinic/reports', label: 'Отчёты', icon: IconChartBar, roles: ['clinic_user'] },
  {
    to: '/clinic/chat',
    label: 'Чат с сервисом',
    icon: IconMessageCircle,
    roles: ['clinic_user'],
    badge: 'chat',
  },
  { to: '/clinic/contacts', label: 'Контакты отделов', icon: IconAddressBook, roles: ['clinic_user'] },
  { to: '/clinic/requisites', label: 'Реквизиты', icon: IconBuildingBank, roles: ['clinic_user'] },
  { to: '/clinic/network', label: 'Клиники сети', icon: IconBuildingHospital, roles: ['clinic_user'] },
  {
    to: '/console/chat',
    label: 'Чат с клиниками',
    icon: IconMessageCircle,
    roles: ['console_doctor', 'admin'],
    badge: 'chat',
  },
  {
    to: '/admin/clinic-contracts',
    label: 'Договоры с клиниками',
    icon: IconFileDescription,
    roles: ['admin'],
  },
  { to: '/admin/clinic-documents', label: 'Документы клиник', icon: IconFiles, roles: ['admin'] },
  // The server answers only in demo mode; the page says so otherwise.
  { to: '/demo-till', label: 'Демо-касса', icon: IconCashRegister, roles: ['clinic_user', 'admin'] },
  { to: '/admin/reconciliation', label: 'Сверка выплат', icon: IconScale, roles: ['admin'] },
  { to: '/admin/users', label: 'Пользователи', icon: IconUsers, roles: ['admin'] },
  { to: '/admin/audit', label: 'Журнал действий', icon: IconFileText, roles: ['admin'] },
  { to: '/admin/personal-data', label: 'Персональные данные', icon: IconLock, roles: ['admin'] },
  { to: '/admin/outbox', label: 'Письма и SMS', icon: IconMail, roles: ['admin'] },
  { to: '/admin/contacts', label: 'Контакты отделов', icon: IconAddressBook, roles: ['admin'] },
  { to: '/account', label: 'Учётная запись', icon: IconUserCircle, roles: 'all' },
];

export const canSee = (user: SessionUser, roles: NavItem['roles']) =>
  roles === 'all' || user.roles.some((r) => roles.includes(r));

/** One entry per address: a person who is both insured and staff sees the letters link once. */
export const navFor = (user: SessionUser) =>
  NAV_ITEMS.filter((item) => canSee(user, item.roles)).filter(
    (item, i, all) => all.findIndex((x) => x.to === item.to) === i,
  );

/** Roles in the fixed order of ROLES, so a user with several roles always sees the same first cabinet. */
export const userRoles = (user: SessionUser): Role[] => ROLES.filter((r) => user.roles.includes(r));

export function roleLabel(user: SessionUser, role: Role): string {
  const titles: Record<Role, string> = {
    admin: 'Администратор',
    console_doctor: 'Врач пульта',
    clinic_user: 'Сотрудник клиники',
    insurer_user: 'Страховая компания',
    policyholder_user: 'Страхователь',
    insured: 'Застрахованный',
    oms_rep: `Представитель ОМС · уровень ${user.omsLevel ?? '—'}`,
  };
  return titles[role];
}
