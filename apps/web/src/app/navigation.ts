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

/** A menu line: address, title, icon and, for the chats, the unread counter. */
type NavRow = readonly [to: string, label: string, icon: Icon, badge?: 'chat'];

/**
 * The single list of sections, grouped by who sees them and in menu order: the navbar shows it and the router
 * guards pages with the same roles.
 */
const NAV_TABLE: readonly (readonly [NavItem['roles'], readonly NavRow[]])[] = [
  ['all', [['/', 'Главная', IconHome]]],
  [
    ['insured'],
    [
      ['/help', 'Попросить помощи', IconFirstAidKit],
      ['/letters', 'Мои гарантийные письма', IconFileCertificate],
      ['/claims', 'Мои чеки и выплаты', IconReceipt],
      ['/my-data', 'Мои данные и согласия', IconLock],
    ],
  ],
  [
    ['console_doctor'],
    [
      ['/console', 'Обращения', IconMessages],
      ['/console/reviews', 'Ручная проверка', IconReceiptRefund],
      ['/console/complaints', 'Жалобы на клиники', IconMessageReport],
    ],
  ],
  [['insurer_user', 'admin'], [['/insurance', 'Программы и застрахованные', IconUsersGroup]]],
  [STAFF_LETTER_READERS, [['/letters', 'Гарантийные письма', IconFileCertificate]]],
  // The clinic cabinet, in the order a clinic usually needs it.
  [
    ['clinic_user'],
    [
      ['/clinic/patients', 'Прикреплённые пациенты', IconUsersGroup],
      ['/clinic/programs', 'Программы ДМС', IconShieldCheck],
      ['/clinic/price-lists', 'Прейскуранты', IconListDetails],
      ['/clinic/contracts', 'Договор', IconFileDescription],
      ['/clinic/documents', 'Документы', IconFiles],
      ['/clinic/bonus', 'Бонусная программа', IconGift],
      ['/clinic/rating', 'Рейтинг', IconStar],
      ['/clinic/reports', 'Отчёты', IconChartBar],
      ['/clinic/chat', 'Чат с сервисом', IconMessageCircle, 'chat'],
      ['/clinic/contacts', 'Контакты отделов', IconAddressBook],
      ['/clinic/requisites', 'Реквизиты', IconBuildingBank],
      ['/clinic/network', 'Клиники сети', IconBuildingHospital],
    ],
  ],
  [['console_doctor', 'admin'], [['/console/chat', 'Чат с клиниками', IconMessageCircle, 'chat']]],
  [
    ['admin'],
    [
      ['/admin/clinic-contracts', 'Договоры с клиниками', IconFileDescription],
      ['/admin/clinic-documents', 'Документы клиник', IconFiles],
    ],
  ],
  // The server answers only in demo mode; the page says so otherwise.
  [['clinic_user', 'admin'], [['/demo-till', 'Демо-касса', IconCashRegister]]],
  [
    ['admin'],
    [
      ['/admin/reconciliation', 'Сверка выплат', IconScale],
      ['/admin/users', 'Пользователи', IconUsers],
      ['/admin/audit', 'Журнал действий', IconFileText],
      ['/admin/personal-data', 'Персональные данные', IconLock],
      ['/admin/outbox', 'Письма и SMS', IconMail],
      ['/admin/contacts', 'Контакты отделов', IconAddressBook],
    ],
  ],
  ['all', [['/account', 'Учётная запись', IconUserCircle]]],
];

const NAV_ITEMS: NavItem[] = NAV_TABLE.flatMap(([roles, rows]) =>
  rows.map(([to, label, icon, badge]) =>
    badge ? { to, label, icon, roles, badge } : { to, label, icon, roles },
  ),
);

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
