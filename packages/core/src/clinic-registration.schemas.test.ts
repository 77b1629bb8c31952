import { describe, expect, it } from 'vitest';
import { clinicLettersQuerySchema, clinicPatientsQuerySchema } from './clinic-cabinet.schemas.ts';
import {
  clinicBankSchema,
  clinicContactsSchema,
  clinicNetworkAddSchema,
  clinicOrganisationSchema,
  clinicRegistrationSchema,
  clinicRegistrationSubmitSchema,
  clinicRequisitesSchema,
  inactiveCompanyReason,
} from './clinic-registration.schemas.ts';

const organisation = {
  inn: '7707083893',
  kpp: '773601001',
  ogrn: '1027700132195',
  name: 'ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО "СБЕРБАНК РОССИИ"',
  shortName: 'ПАО СБЕРБАНК',
  address: '117312, г Москва, ул Вавилова, д 19',
  headName: 'Греф Герман Оскарович',
  headPost: 'ПРЕЗИДЕНТ, ПРЕДСЕДАТЕЛЬ ПРАВЛЕНИЯ',
};
const bank = {
  bik: '044525225',
  bankName: 'ПАО СБЕРБАНК',
  correspondentAccount: '30101810400000000225',
  settlementAccount: '40702810938000012345',
};
const contacts = { email: 'Office@Clinic.RU ', phone: '8 (495) 123-45-67' };
const account = {
  fullName: 'Петрова Анна Сергеевна',
  userEmail: 'anna@clinic.ru',
  userPhone: '',
  password: 'Clinic-pass-2026',
  confirmBy: 'email' as const,
};
const registration = { ...organisation, ...bank, ...contacts, ...account, userAgreement: true };

/** Field → message of every issue, as the form shows them. */
function problems(r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return r.success ? {} : Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message]));
}

describe('clinic registration schema', () => {
  it('accepts a full registration and normalises what people type', () => {
    const r = clinicRegistrationSchema.parse({
      ...registration,
      inn: ' 7707 083 893 ',
      settlementAccount: '4070 2810 9380 0001 2345',
    });
    expect(r).toMatchObject({
      inn: '7707083893',
      settlementAccount: '40702810938000012345',
      email: 'office@clinic.ru',
      phone: '+74951234567',
      userPhone: null,
      userAgreement: true,
    });
  });

  it('reports every wrong field at once, each under its own name', () => {
    const r = clinicRegistrationSchema.safeParse({
      ...registration,
      inn: '7707083890',
      ogrn: '1027700132190',
      name: '  ',
      bik: '044525974',
      email: 'нет',
      phone: '123',
      password: 'короткий1',
      userAgreement: false,
    });
    expect(problems(r)).toEqual({
      inn: 'Неверное контрольное число ИНН',
      ogrn: 'Неверное контрольное число ОГРН',
      name: 'Укажите полное наименование, как в ЕГРЮЛ',
      correspondentAccount:
        'Последние 3 цифры корреспондентского счёта должны совпадать с последними 3 цифрами БИК',
      settlementAccount: 'Неверный контрольный ключ расчётного счёта: проверьте счёт и БИК',
      email: 'Неверный адрес электронной почты',
      phone: 'Неверный номер телефона: нужен российский номер, например +7 900 123-45-67',
      password: 'Пароль должен быть не короче 10 символов',
      userAgreement: 'Примите пользовательское соглашение: без него нельзя подписывать документы в кабинете',
    });
  });

  it('checks accounts only against a valid БИК, and reports the БИК itself otherwise', () => {
    const r = clinicBankSchema.safeParse({ ...bank, bik: '04452522', settlementAccount: '1' });
    expect(problems(r)).toEqual({ bik: 'БИК должен состоять из 9 цифр' });
  });

  it('knows a sole trader: 12-digit ИНН, no КПП, a 15-digit ОГРНИП', () => {
    const soleTrader = { ...organisation, inn: '500100732259', kpp: '', ogrn: '304500116000157' };
    expect(clinicOrganisationSchema.parse(soleTrader)).toMatchObject({ kpp: null, ogrn: '304500116000157' });
    expect(problems(clinicOrganisationSchema.safeParse({ ...soleTrader, kpp: '500101001' }))).toEqual({
      kpp: 'У индивидуального предпринимателя нет КПП: оставьте поле пустым',
    });
    expect(problems(clinicOrganisationSchema.safeParse({ ...soleTrader, ogrn: '1027700132195' }))).toEqual({
      ogrn: 'У индивидуального предпринимателя — ОГРНИП из 15 цифр',
    });
    expect(
      problems(clinicOrganisationSchema.safeParse({ ...organisation, ogrn: '304500116000157' })),
    ).toEqual({
      ogrn: 'У организации — ОГРН из 13 цифр',
    });
    expect(problems(clinicOrganisationSchema.safeParse({ ...organisation, kpp: '' }))).toEqual({
      kpp: 'КПП не указан',
    });
  });

  it('needs a mobile phone when the code is to come by SMS, and checks it when given', () => {
    expect(problems(clinicRegistrationSchema.safeParse({ ...registration, confirmBy: 'phone' }))).toEqual({
      userPhone: 'Укажите мобильный телефон: на него придёт код подтверждения',
    });
    expect(
      clinicRegistrationSchema.parse({ ...registration, confirmBy: 'phone', userPhone: '+7 916 123-45-67' })
        .userPhone,
    ).toBe('+79161234567');
    expect(problems(clinicRegistrationSchema.safeParse({ ...registration, userPhone: '12' }))).toHaveProperty(
      'userPhone',
    );
  });

  it('asks for six digits of the code on submit', () => {
    expect(clinicRegistrationSubmitSchema.parse({ ...registration, code: ' 123456 ' }).code).toBe('123456');
    expect(problems(clinicRegistrationSubmitSchema.safeParse({ ...registration, code: '12345' }))).toEqual({
      code: 'Код — это 6 цифр из письма или SMS',
    });
  });

  it('has the same rules for the requisites page, a network’s next entity and each step', () => {
    const requisites = { ...organisation, ...bank, ...contacts };
    expect(clinicRequisitesSchema.parse(requisites).phone).toBe('+74951234567');
    expect(problems(clinicNetworkAddSchema.safeParse({ ...requisites, userAgreement: false }))).toEqual({
      userAgreement: expect.any(String),
    });
    expect(problems(clinicContactsSchema.safeParse({ email: '', phone: '' }))).toEqual({
      email: 'Укажите адрес электронной почты',
      phone: 'Телефон не указан',
    });
    expect(problems(clinicRequisitesSchema.safeParse({ ...requisites, shortName: 'x'.repeat(201) }))).toEqual(
      {
        shortName: 'Не длиннее 200 символов',
      },
    );
  });

  it('refuses only the registry states that end a company', () => {
    expect(inactiveCompanyReason('liquidated')).toMatch(/ликвидирована/);
    expect(inactiveCompanyReason('liquidating')).toMatch(/ликвидации/);
    expect(inactiveCompanyReason('bankrupt')).toMatch(/банкротом/);
    expect(inactiveCompanyReason('active')).toBeNull();
    expect(inactiveCompanyReason('reorganizing')).toBeNull();
  });
});

describe('cabinet list filters', () => {
  it('default to every state, the first page, and refuse a period that ends before it starts', () => {
    expect(clinicPatientsQuerySchema.parse({})).toEqual({ state: 'all', limit: 50, offset: 0 });
    expect(problems(clinicLettersQuerySchema.safeParse({ from: '2026-11-02', to: '2026-11-01' }))).toEqual({
      to: 'Конец периода раньше начала',
    });
    expect(clinicLettersQuerySchema.safeParse({ status: 'paid' }).success).toBe(false);
    expect(clinicPatientsQuerySchema.safeParse({ from: '01.11.2026' }).success).toBe(false);
  });
});
