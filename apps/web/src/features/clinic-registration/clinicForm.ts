import { zodResolver } from '@hookform/resolvers/zod';
import {
  CLINIC_ACCOUNT_FIELDS,
  CLINIC_BANK_FIELDS,
  CLINIC_CONTACT_FIELDS,
  CLINIC_ORGANISATION_FIELDS,
  type ClinicRegistrationInput,
  type ClinicRequisitesView,
} from '@remed/core';
import type { FieldErrors, Resolver, UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { maskRuPhone } from '../registration/phoneMask.ts';

/**
 * One shape of form values for the registration wizard, a network's next legal entity and the requisites page:
 * every input is a string, as typed; the schema of each use (from @remed/core) checks and normalises them.
 */
export type ClinicFormValues = ClinicRegistrationInput & { passwordRepeat: string; code: string };
export type ClinicField = keyof ClinicFormValues;

export const emptyClinicForm: ClinicFormValues = {
  inn: '',
  kpp: '',
  ogrn: '',
  name: '',
  shortName: '',
  address: '',
  headName: '',
  headPost: '',
  bik: '',
  bankName: '',
  correspondentAccount: '',
  settlementAccount: '',
  email: '',
  phone: '',
  fullName: '',
  userEmail: '',
  userPhone: '',
  password: '',
  passwordRepeat: '',
  confirmBy: 'email',
  userAgreement: false,
  code: '',
};

export function requisitesToForm(r: ClinicRequisitesView): ClinicFormValues {
  return {
    ...emptyClinicForm,
    inn: r.inn,
    kpp: r.kpp ?? '',
    ogrn: r.ogrn ?? '',
    name: r.name,
    shortName: r.shortName,
    address: r.address ?? '',
    headName: r.headName ?? '',
    headPost: r.headPost ?? '',
    bik: r.bik ?? '',
    bankName: r.bankName ?? '',
    correspondentAccount: r.correspondentAccount ?? '',
    settlementAccount: r.settlementAccount ?? '',
    email: r.email ?? '',
    phone: r.phone ? maskRuPhone(r.phone) : '',
  };
}

export interface WizardStep {
  key: 'organisation' | 'bank' | 'contacts' | 'account' | 'review';
  label: string;
  /** For the stepper, where five long labels would not fit in a row. */
  short: string;
  description: string;
  fields: readonly ClinicField[];
}

export const STEP_ORGANISATION: WizardStep = {
  key: 'organisation',
  label: 'Организация',
  short: 'Организация',
  description: 'Начните с ИНН: название, КПП, ОГРН, адрес и руководителя подставим из ЕГРЮЛ',
  fields: CLINIC_ORGANISATION_FIELDS,
};
export const STEP_BANK: WizardStep = {
  key: 'bank',
  label: 'Банковские реквизиты',
  short: 'Банк',
  description: 'Счёт, на который страховые компании будут перечислять оплату за пациентов',
  fields: CLINIC_BANK_FIELDS,
};
export const STEP_CONTACTS: WizardStep = {
  key: 'contacts',
  label: 'Контакты',
  short: 'Контакты',
  description: 'Куда присылать гарантийные письма и документы и куда звонить из медицинского пульта',
  fields: CLINIC_CONTACT_FIELDS,
};
export const STEP_ACCOUNT: WizardStep = {
  key: 'account',
  label: 'Учётная запись',
  short: 'Учётная запись',
  description: 'Кто будет входить в кабинет от имени клиники',
  fields: [...CLINIC_ACCOUNT_FIELDS, 'passwordRepeat'],
};
export const STEP_REVIEW: WizardStep = {
  key: 'review',
  label: 'Проверка',
  short: 'Проверка',
  description: 'Проверьте данные, примите соглашение и подтвердите e-mail или телефон кодом',
  fields: ['userAgreement', 'confirmBy'],
};

/** The step that holds a field, so that a server error about it opens the right step. */
export const stepOf = (steps: readonly WizardStep[], field: string) =>
  steps.findIndex((s) => (s.fields as readonly string[]).includes(field));

/**
 * The resolver of a use: the shared schema over the values, plus the checks only a form has (the password typed
 * twice). The schema drops the fields it does not know, so one shape of values serves every use.
 */
export function clinicResolver(
  schema: z.ZodType<unknown, ClinicRegistrationInput | Partial<ClinicRegistrationInput>>,
  opts: { repeatPassword?: boolean } = {},
): Resolver<ClinicFormValues> {
  const base = zodResolver(
    schema as z.ZodType<unknown, ClinicFormValues>,
  ) as unknown as Resolver<ClinicFormValues>;
  return async (values, context, options) => {
    const result = await base(values, context, options);
    if (!opts.repeatPassword || values.passwordRepeat === values.password || !values.password) return result;
    const errors: FieldErrors<ClinicFormValues> = {
      ...result.errors,
      passwordRepeat: { type: 'validate', message: 'Пароли не совпадают' },
    };
    return { values: {}, errors };
  };
}

/**
 * Marks fields as visited after a refused «Далее», so that each is checked again as the person corrects it
 * (the form checks a field on change only once it has been visited).
 */
export function touchFields(form: UseFormReturn<ClinicFormValues>, fields: readonly ClinicField[]) {
  for (const f of fields) form.setValue(f, form.getValues(f), { shouldTouch: true });
}
