import { z } from 'zod';
import { CONSENT_TEXTS, type ConsentKind } from './consents.ts';
import { optionalPeriod, pageLimit } from './list-query.schemas.ts';

export const CONSENT_METHODS = ['registration', 'account', 'written'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const CONSENT_WITHDRAWAL_METHODS = ['account', 'written', 'erasure'] as const;
export type ConsentWithdrawalMethod = (typeof CONSENT_WITHDRAWAL_METHODS)[number];

export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  registration: 'Отмечено при регистрации после подтверждения телефона кодом из SMS',
  account: 'Включено в личном кабинете после входа по паролю',
  written: 'Письменное заявление, внесено администратором',
};
export const CONSENT_WITHDRAWAL_LABELS: Record<ConsentWithdrawalMethod, string> = {
  account: 'Отозвано в личном кабинете',
  written: 'Отозвано письменным заявлением',
  erasure: 'Отозвано вместе с обезличиванием данных',
};

/** What each consent covers and what its withdrawal changes, in words the person reads before deciding. */
export const CONSENT_TERMS: Record<
  ConsentKind,
  { categories: string[]; recipients: string[]; withdrawable: boolean; consequences: string }
> = {
  data_processing: {
    categories: [
      'Фамилия, имя, отчество, дата рождения, пол',
      'Телефон и электронная почта',
      'Номер полиса ДМС и программа страхования',
      'Сведения о здоровье: жалобы, диагноз, назначенные и оказанные услуги (специальная категория, ст. 10 152-ФЗ)',
      'Чеки за медицинские услуги и выплаты возмещения',
    ],
    recipients: ['Страховая компания по вашему полису', 'Клиника, в которую выдано гарантийное письмо'],
    withdrawable: false,
    consequences:
      'Без этого согласия мы не можем выдавать гарантийные письма и возмещать оплату. Чтобы отозвать его, подайте письменное заявление (адрес — в «Политике обработки персональных данных»). После отзыва мы обезличим ваши данные, кроме финансовых записей, которые закон обязывает хранить 5 лет.',
  },
  employer_sharing: {
    categories: ['Суммы возмещений', 'Названия оказанных услуг и даты'],
    recipients: ['Ваш работодатель — страхователь по договору ДМС'],
    withdrawable: true,
    consequences:
      'После отзыва работодатель сразу перестанет видеть ваши суммы и услуги — только общие итоги по всем сотрудникам, где вас нельзя выделить. На обслуживание по полису отзыв не влияет. Согласие можно дать снова в любой момент.',
  },
};

export const myConsentSchema = z.object({
  id: z.uuid(),
  kind: z.enum(Object.keys(CONSENT_TEXTS) as [ConsentKind, ...ConsentKind[]]),
  title: z.string(),
  version: z.string(),
  text: z.string(),
  categories: z.array(z.string()),
  recipients: z.array(z.string()),
  acceptedAt: z.iso.datetime(),
  method: z.enum(CONSENT_METHODS),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  withdrawnAt: z.iso.datetime().nullable(),
  withdrawnMethod: z.enum(CONSENT_WITHDRAWAL_METHODS).nullable(),
  withdrawable: z.boolean(),
  consequences: z.string(),
});
export type MyConsent = z.infer<typeof myConsentSchema>;

/** Why someone opened a person's health data: a code per read path, a label the person understands. */
export const VIEW_PURPOSES = {
  'case.review': 'Рассмотрение обращения и выдача гарантийного письма',
  'request.queue': 'Очередь обращений на медицинском пульте',
  'request.photo': 'Просмотр фото к обращению',
  'letter.view': 'Просмотр гарантийного письма',
  'letter.print': 'Печать или выгрузка гарантийного письма',
  'letter.list': 'Список гарантийных писем',
  'clinic.letters': 'Гарантийные письма клиники',
  'clinic.letters_export': 'Выгрузка гарантийных писем клиники в файл',
  'claim.review': 'Рассмотрение заявки на возмещение',
  'person.export': 'Выгрузка всех данных по письменному запросу',
} as const;
export type ViewPurpose = keyof typeof VIEW_PURPOSES;

export const VIEW_RECORD_LABELS = {
  letter: 'Гарантийное письмо',
  case: 'Обращение на пульт',
  request: 'Заявка на помощь',
  claim: 'Заявка на возмещение (чек)',
} as const;
export type ViewRecordType = keyof typeof VIEW_RECORD_LABELS;

export const healthViewSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  viewerName: z.string(),
  viewerRole: z.string(),
  organisation: z.string().nullable(),
  recordType: z.enum(Object.keys(VIEW_RECORD_LABELS) as [ViewRecordType, ...ViewRecordType[]]),
  recordLabel: z.string().nullable(),
  purpose: z.string(),
});
export type HealthView = z.infer<typeof healthViewSchema>;

export const adminHealthViewSchema = healthViewSchema.extend({
  viewerUserId: z.uuid().nullable(),
  insuredPersonId: z.uuid(),
  insuredName: z.string(),
  ip: z.string().nullable(),
});
export type AdminHealthView = z.infer<typeof adminHealthViewSchema>;

/** Keyset pages: a count over millions of rows would cost more than the page itself. */
export const viewLogQuerySchema = z.object({
  personId: z.uuid().optional(),
  userId: z.uuid().optional(),
  ...optionalPeriod(z.iso.date()),
  /** The `next` of the previous page: the time and id of its last row. */
  before: z
    .string()
    .regex(/^\d{1,15}_\d{1,19}$/, 'Неверная отметка страницы')
    .optional(),
  limit: pageLimit(200, 50),
});
export type ViewLogQuery = z.infer<typeof viewLogQuerySchema>;

export const viewPageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().nullable() });

export const personRefSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  birthDate: z.string(),
  policyNumbers: z.array(z.string()),
  erasedAt: z.iso.datetime().nullable(),
});
export type PersonRef = z.infer<typeof personRefSchema>;

export const erasureRequestSchema = z.object({
  basis: z
    .string()
    .trim()
    .min(5, 'Укажите основание: номер и дату письменного заявления')
    .max(500, 'Основание — не длиннее 500 символов'),
});

export const erasureResultSchema = z.object({
  erasedAt: z.iso.datetime(),
  keptUntil: z.iso.date(),
  financialRecordsKept: z.number().int(),
});
export type ErasureResult = z.infer<typeof erasureResultSchema>;

export const employeePayoutsSchema = z.object({
  employees: z.array(
    z.object({
      fullName: z.string(),
      policyNumber: z.string(),
      claims: z.number().int(),
      reimbursed: z.number().int(),
    }),
  ),
  others: z.object({ people: z.number().int(), reimbursed: z.number().int() }).nullable(),
});
export type EmployeePayouts = z.infer<typeof employeePayoutsSchema>;
