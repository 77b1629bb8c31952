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

/** Plain text fields of the form, each by its longest length. */
type TextShape<K extends string> = Record<K, ReturnType<typeof str>>;
function textFields<K extends string>(maxLengths: Record<K, number>): TextShape<K> {
  const fields = Object.entries<number>(maxLengths).map(([field, max]) => [field, str(max)]);
  return Object.fromEntries(fields) as TextShape<K>;
}
type TextInput<S> = { [K in keyof S]: string };

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

const organisationShape = textFields({
  inn: 20,
  kpp: 20,
  ogrn: 20,
  name: 500,
  shortName: 200,
  address: 500,
  headName: 200,
  headPost: 200,
});
type OrganisationInput = TextInput<typeof organisationShape>;

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

const bankShape = textFields({ bik: 20, bankName: 300, correspondentAccount: 40, settlementAccount: 40 });
type BankInput = TextInput<typeof bankShape>;

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

const contactsShape = textFields({ email: 254, phone: 40 });
type ContactsInput = TextInput<typeof contactsShape>;

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
  ...textFields({ fullName: 200, userEmail: 254, userPhone: 40 }),
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

/** One part of the form: its fields and the check that reads them. */
interface Section<S, I, O> {
  shape: S;
  check: (v: I, problems: Problems) => O;
}
type AnySection = Section<z.ZodRawShape, never, object>;
type Both<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Parts checked as one form: their fields side by side, each part's check run in turn. */
function joined<P extends AnySection[]>(
  ...parts: P
): Section<
  Both<P[number]['shape']>,
  Both<Parameters<P[number]['check']>[0]>,
  Both<ReturnType<P[number]['check']>>
> {
  return {
    shape: Object.assign({}, ...parts.map((p) => p.shape)),
    check: (v, problems) => Object.assign({}, ...parts.map((p) => p.check(v as never, problems))),
  };
}

const organisation = { shape: organisationShape, check: checkOrganisation };
const bank = { shape: bankShape, check: checkBank };
const contacts = { shape: contactsShape, check: checkContacts };
const agreement = { shape: agreementShape, check: checkAgreement };
const requisites = joined(organisation, bank, contacts);
const registration = joined(requisites, { shape: accountShape, check: checkAccount }, agreement);

export const clinicOrganisationSchema = checked(organisation.shape, organisation.check);
export const clinicBankSchema = checked(bank.shape, bank.check);
export const clinicContactsSchema = checked(contacts.shape, contacts.check);

/** The clinic's requisites as the requisites page edits them (the ИНН itself cannot change). */
export const clinicRequisitesSchema = checked(requisites.shape, requisites.check);
export type ClinicRequisitesInput = z.input<typeof clinicRequisitesSchema>;
export type ClinicRequisites = z.output<typeof clinicRequisitesSchema>;

/** Another legal entity of a network, added by a signed-in clinic employee. */
const networkAdd = joined(requisites, agreement);
export const clinicNetworkAddSchema = checked(networkAdd.shape, networkAdd.check);
export type ClinicNetworkAddInput = z.input<typeof clinicNetworkAddSchema>;

/** Everything the public wizard collects; the code request carries it so that it is checked before a code goes out. */
export const clinicRegistrationSchema = checked(registration.shape, registration.check);
export type ClinicRegistrationInput = z.input<typeof clinicRegistrationSchema>;
export type ClinicRegistration = z.output<typeof clinicRegistrationSchema>;

/** The registration itself: the same fields and the one-time code that confirms the chosen contact. */
export const clinicRegistrationSubmitSchema = checked(
  { ...registration.shape, code: z.string().trim().max(20) },
  (v, problems) => {
    if (!/^\d{6}$/.test(v.code)) problems.set('code', 'Код — это 6 цифр из письма или SMS');
    return { ...registration.check(v, problems), code: v.code };
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

/** Text fields of the stored requisites; any of them may still be empty (null). */
type StoredShape<K extends string> = Record<K, z.ZodNullable<z.ZodString>>;
function storedFields<const K extends string>(fields: readonly K[]): StoredShape<K> {
  return Object.fromEntries(fields.map((field) => [field, z.string().nullable()])) as StoredShape<K>;
}

export const clinicRequisitesViewSchema = z.object({
  id: z.uuid(),
  ...partyIdentityShape,
  ...storedFields(['headName', 'headPost', ...CLINIC_BANK_FIELDS, ...CLINIC_CONTACT_FIELDS]),
  registeredAt: z.iso.datetime().nullable(),
});
export type ClinicRequisitesView = z.infer<typeof clinicRequisitesViewSchema>;
