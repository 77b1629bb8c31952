import { z } from 'zod';
import { emailSchema, passwordSchema } from './auth.schemas.ts';
import { partyIdentityShape } from './directory.schemas.ts';
import {
  type IdentifierResult,
  validateBik,
  validateCorrespondentAccount,
  validateInn,
  validateKpp,
  validateOgrn,
  validatePhone,
  validateSettlementAccount,
} from './identifiers/index.ts';

/**
 * Clinic self-registration, the requisites page and a network's next legal entity share these schemas in the
 * browser (react-hook-form) and on the server. Every field is a plain string in the form; one pass checks them
 * all and reports every problem under its own field, so a wrong settlement account shows even while the
 * contacts step is still empty. The output is normalised: digits without spaces, phones as +7XXXXXXXXXX.
 */

export const CLINIC_ORGANISATION_FIELDS = [
  'inn',
  'kpp',
  'ogrn',
  'name',
  'shortName',
  'address',
  'headName',
  'headPost',
] as const;
export const CLINIC_BANK_FIELDS = ['bik', 'bankName', 'correspondentAccount', 'settlementAccount'] as const;
export const CLINIC_CONTACT_FIELDS = ['email', 'phone'] as const;
export const CLINIC_ACCOUNT_FIELDS = ['fullName', 'userEmail', 'userPhone', 'password'] as const;

/** Registry states that forbid a contract: such a company cannot register or be added to a network. */
const INACTIVE_STATUSES = {
  liquidating: 'Организация находится в процессе ликвидации — зарегистрировать её нельзя',
  liquidated: 'Организация ликвидирована — зарегистрировать её нельзя',
  bankrupt: 'Организация признана банкротом — зарегистрировать её нельзя',
} as const;

/** The reason a company in this registry state cannot register, or null when it may. */
export function inactiveCompanyReason(status: string): string | null {
  return (INACTIVE_STATUSES as Record<string, string>)[status] ?? null;
}

type Problems = Map<string, string>;

const str = (max: number) => z.string().trim().max(max, `Не длиннее ${max} символов`);

function required(problems: Problems, field: string, value: string, message: string): string {
  if (value === '') problems.set(field, message);
  return value;
}

function identifier(problems: Problems, field: string, r: IdentifierResult): string {
  if (!r.ok) {
    problems.set(field, r.reason);
    return '';
  }
  return r.value;
}

const organisationShape = {
  inn: str(20),
  kpp: str(20),
  ogrn: str(20),
  name: str(500),
  shortName: str(200),
  address: str(500),
  headName: str(200),
  headPost: str(200),
};
type OrganisationInput = { [K in keyof typeof organisationShape]: string };

function checkOrganisation(v: OrganisationInput, problems: Problems) {
  const inn = identifier(problems, 'inn', validateInn(v.inn));
  // A 12-digit ИНН is a sole trader: no КПП, and an ОГРНИП of 15 digits instead of an ОГРН of 13.
  const individual = inn.length === 12;
  let kpp: string | null = null;
  if (individual) {
    if (v.kpp !== '') problems.set('kpp', 'У индивидуального предпринимателя нет КПП: оставьте поле пустым');
  } else {
    kpp = identifier(problems, 'kpp', validateKpp(v.kpp));
  }
  const ogrn = identifier(problems, 'ogrn', validateOgrn(v.ogrn));
  if (inn && ogrn && individual !== (ogrn.length === 15)) {
    problems.set(
      'ogrn',
      individual
        ? 'У индивидуального предпринимателя — ОГРНИП из 15 цифр'
        : 'У организации — ОГРН из 13 цифр',
    );
  }
  return {
    inn,
    kpp,
    ogrn,
    name: required(problems, 'name', v.name, 'Укажите полное наименование, как в ЕГРЮЛ'),
    shortName: required(problems, 'shortName', v.shortName, 'Укажите краткое наименование'),
    address: required(problems, 'address', v.address, 'Укажите юридический адрес'),
    headName: required(problems, 'headName', v.headName, 'Укажите ФИО руководителя'),
    headPost: required(problems, 'headPost', v.headPost, 'Укажите должность руководителя'),
  };
}

const bankShape = {
  bik: str(20),
  bankName: str(300),
  correspondentAccount: str(40),
  settlementAccount: str(40),
};
type BankInput = { [K in keyof typeof bankShape]: string };

function checkBank(v: BankInput, problems: Problems) {
  const bik = identifier(problems, 'bik', validateBik(v.bik));
  // Both accounts are keyed by the БИК: with a wrong БИК only the БИК is reported.
  const account = (field: string, check: typeof validateSettlementAccount, value: string) =>
    bik ? identifier(problems, field, check(value, bik)) : value.replace(/\s+/g, '');
  return {
    bik,
    bankName: required(problems, 'bankName', v.bankName, 'Укажите наименование банка'),
    correspondentAccount: account(
      'correspondentAccount',
      validateCorrespondentAccount,
      v.correspondentAccount,
    ),
    settlementAccount: account('settlementAccount', validateSettlementAccount, v.settlementAccount),
  };
}

const contactsShape = { email: str(254), phone: str(40) };
type ContactsInput = { [K in keyof typeof contactsShape]: string };

function email(problems: Problems, field: string, value: string): string {
  if (value === '') {
    problems.set(field, 'Укажите адрес электронной почты');
    return '';
  }
  const r = emailSchema.safeParse(value);
  if (!r.success) {
    problems.set(field, r.error.issues[0]?.message ?? 'Неверный адрес электронной почты');
    return '';
  }
  return r.data;
}

function checkContacts(v: ContactsInput, problems: Problems) {
  return {
    email: email(problems, 'email', v.email),
    phone: identifier(problems, 'phone', validatePhone(v.phone)),
  };
}

const accountShape = {
  fullName: str(200),
  userEmail: str(254),
  userPhone: str(40),
  password: z.string().max(128, 'Пароль должен быть не длиннее 128 символов'),
  confirmBy: z.enum(['email', 'phone']),
};
type AccountInput = {
  fullName: string;
  userEmail: string;
  userPhone: string;
  password: string;
  confirmBy: 'email' | 'phone';
};

function checkAccount(v: AccountInput, problems: Problems) {
  const fullName = required(problems, 'fullName', v.fullName, 'Укажите ваши фамилию, имя и отчество');
  const userEmail = email(problems, 'userEmail', v.userEmail);
  let userPhone: string | null = null;
  if (v.userPhone !== '') userPhone = identifier(problems, 'userPhone', validatePhone(v.userPhone)) || null;
  else if (v.confirmBy === 'phone')
    problems.set('userPhone', 'Укажите мобильный телефон: на него придёт код подтверждения');
  const password = passwordSchema.safeParse(v.password);
  if (!password.success) problems.set('password', password.error.issues[0]?.message ?? 'Неверный пароль');
  return { fullName, userEmail, userPhone, password: v.password, confirmBy: v.confirmBy };
}

const agreementShape = { userAgreement: z.boolean() };

function checkAgreement(v: { userAgreement: boolean }, problems: Problems) {
  if (!v.userAgreement)
    problems.set(
      'userAgreement',
      'Примите пользовательское соглашение: без него нельзя подписывать документы в кабинете',
    );
  return { userAgreement: true as const };
}

/** Runs the checks over the whole object; every problem becomes an issue under its field. */
function checked<S extends z.ZodRawShape, T>(
  shape: S,
  check: (v: z.output<z.ZodObject<S>>, problems: Problems) => T,
) {
  return z.object(shape).transform((v, ctx) => {
    const problems: Problems = new Map();
    const out = check(v, problems);
    for (const [field, message] of problems) ctx.addIssue({ code: 'custom', message, path: [field] });
    return problems.size ? z.NEVER : out;
  });
}

export const clinicOrganisationSchema = checked(organisationShape, checkOrganisation);
export const clinicBankSchema = checked(bankShape, checkBank);
export const clinicContactsSchema = checked(contactsShape, checkContacts);

const requisitesShape = { ...organisationShape, ...bankShape, ...contactsShape };
const checkRequisites = (v: OrganisationInput & BankInput & ContactsInput, problems: Problems) => ({
  ...checkOrganisation(v, problems),
  ...checkBank(v, problems),
  ...checkContacts(v, problems),
});

/** The clinic's requisites as the requisites page edits them (the ИНН itself cannot change). */
export const clinicRequisitesSchema = checked(requisitesShape, checkRequisites);
export type ClinicRequisitesInput = z.input<typeof clinicRequisitesSchema>;
export type ClinicRequisites = z.output<typeof clinicRequisitesSchema>;

/** Another legal entity of a network, added by a signed-in clinic employee. */
export const clinicNetworkAddSchema = checked({ ...requisitesShape, ...agreementShape }, (v, problems) => ({
  ...checkRequisites(v, problems),
  ...checkAgreement(v, problems),
}));
export type ClinicNetworkAddInput = z.input<typeof clinicNetworkAddSchema>;

const registrationShape = { ...requisitesShape, ...accountShape, ...agreementShape };
const checkRegistration = (
  v: OrganisationInput & BankInput & ContactsInput & AccountInput & { userAgreement: boolean },
  problems: Problems,
) => ({
  ...checkRequisites(v, problems),
  ...checkAccount(v, problems),
  ...checkAgreement(v, problems),
});

/** Everything the public wizard collects; the code request carries it so that it is checked before a code goes out. */
export const clinicRegistrationSchema = checked(registrationShape, checkRegistration);
export type ClinicRegistrationInput = z.input<typeof clinicRegistrationSchema>;
export type ClinicRegistration = z.output<typeof clinicRegistrationSchema>;

/** The registration itself: the same fields and the one-time code that confirms the chosen contact. */
export const clinicRegistrationSubmitSchema = checked(
  { ...registrationShape, code: z.string().trim().max(20) },
  (v, problems) => {
    if (!/^\d{6}$/.test(v.code)) problems.set('code', 'Код — это 6 цифр из письма или SMS');
    return { ...checkRegistration(v, problems), code: v.code };
  },
);
export type ClinicRegistrationSubmitInput = z.input<typeof clinicRegistrationSubmitSchema>;

/** Where the confirmation code went, shown to the person without repeating the whole address. */
export const registrationCodeResponseSchema = z.object({
  sentTo: z.string(),
  channel: z.enum(['email', 'phone']),
  resendAfterSeconds: z.number().int(),
});
export type RegistrationCodeSent = z.infer<typeof registrationCodeResponseSchema>;

export const innAvailabilitySchema = z.object({ available: z.boolean() });

export const clinicRequisitesViewSchema = z.object({
  id: z.uuid(),
  ...partyIdentityShape,
  headName: z.string().nullable(),
  headPost: z.string().nullable(),
  bik: z.string().nullable(),
  bankName: z.string().nullable(),
  correspondentAccount: z.string().nullable(),
  settlementAccount: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  registeredAt: z.iso.datetime().nullable(),
});
export type ClinicRequisitesView = z.infer<typeof clinicRequisitesViewSchema>;
