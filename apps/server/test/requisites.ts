import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { accountControlKey, type ClinicRegistrationInput, type ClinicRequisitesInput } from '@remed/core';
import type { DadataSuggestion } from '../src/integrations/directory/bundled-records.ts';
import { dadataDirectory } from '../src/integrations/directory/dadata-client.ts';
import type { TestContext } from './harness.ts';

const digits = (n: number) => Array.from({ length: n }, () => crypto.randomInt(0, 10)).join('');

/** A random ИНН of a legal entity with the right check digit, so that no two tests collide. */
function validInn(): string {
  const body = `${crypto.randomInt(1, 10)}${digits(8)}`;
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return `${body}${(sum % 11) % 10}`;
}

function validOgrn(): string {
  const body = `1${digits(11)}`;
  return `${body}${(BigInt(body) % 11n) % 10n}`;
}

const SBER = { bik: '044525225', name: 'ПАО СБЕРБАНК', corr: '30101810400000000225' };

/** A settlement account at the БИК with the right control key (the 9th digit). */
export function validAccount(bik = SBER.bik): string {
  const raw = `40702810${'0'}${digits(11)}`;
  return `${raw.slice(0, 8)}${accountControlKey(bik.slice(6), raw)}${raw.slice(9)}`;
}

/** The account with its control key changed, as when one digit is mistyped. */
export function withWrongKey(account: string): string {
  const key = Number(account[8]);
  return `${account.slice(0, 8)}${(key + 1) % 10}${account.slice(9)}`;
}

export function clinicRequisites(over: Partial<ClinicRequisitesInput> = {}): ClinicRequisitesInput {
  const inn = over.inn ?? validInn();
  return {
    inn,
    kpp: `${inn.slice(0, 4)}01001`,
    ogrn: validOgrn(),
    name: 'Общество с ограниченной ответственностью «Тестовая клиника»',
    shortName: `ООО «Клиника ${inn}»`,
    address: '125040, г. Москва, ул. Правды, д. 1',
    headName: 'Иванов Иван Иванович',
    headPost: 'Генеральный директор',
    bik: SBER.bik,
    bankName: SBER.name,
    correspondentAccount: SBER.corr,
    settlementAccount: validAccount(),
    email: `office-${inn}@clinic.test`,
    phone: '+7 495 123-45-67',
    ...over,
  };
}

export function registrationInput(over: Partial<ClinicRegistrationInput> = {}): ClinicRegistrationInput {
  const requisites = clinicRequisites(over);
  return {
    ...requisites,
    fullName: 'Петрова Анна Сергеевна',
    userEmail: `admin-${requisites.inn}@clinic.test`,
    userPhone: '',
    password: 'Clinic-pass-2026',
    confirmBy: 'email',
    userAgreement: true,
    ...over,
  };
}

/** A company as DaData answers for it, for the directory simulator (status ACTIVE, LIQUIDATED, BANKRUPT…). */
export function partySuggestion(
  r: { inn: string; kpp: string; ogrn: string },
  status = 'ACTIVE',
): DadataSuggestion {
  return {
    value: 'ООО "ТЕСТОВАЯ КЛИНИКА"',
    unrestricted_value: 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ТЕСТОВАЯ КЛИНИКА"',
    data: {
      inn: r.inn,
      kpp: r.kpp,
      ogrn: r.ogrn,
      type: 'LEGAL',
      branch_type: 'MAIN',
      name: {
        full_with_opf: 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ТЕСТОВАЯ КЛИНИКА"',
        short_with_opf: 'ООО "ТЕСТОВАЯ КЛИНИКА"',
      },
      management: { name: 'Иванов Иван Иванович', post: 'ГЕНЕРАЛЬНЫЙ ДИРЕКТОР' },
      state: { status },
      address: { value: 'г Москва, ул Правды, д 1', unrestricted_value: '125040, г Москва, ул Правды, д 1' },
    },
  };
}

/**
 * As in demo: the app serves the directory simulator itself, and the directory client talks to this very
 * server over HTTP. Returns the simulator, to register companies or make it fail.
 */
export async function serveDirectory(ctx: TestContext) {
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  ctx.deps.companyDirectory = dadataDirectory({
    baseUrl: `${base}/sim/dadata`,
    token: ctx.deps.config.directory.token,
    timeoutMs: 2000,
  });
  return ctx.deps.simulators!.directory;
}
