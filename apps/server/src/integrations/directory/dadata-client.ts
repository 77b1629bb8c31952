import { validateBik, validateInn } from '@remed/core';
import { z } from 'zod';
import { type HttpAnswer, httpCall, isTimeout } from '../../platform/http-client.ts';
import type {
  Bank,
  BankLookup,
  CompanyDirectory,
  OrganisationStatus,
  Party,
  PartyLookup,
} from './company-directory.ts';

interface DadataOptions {
  /** `https://suggestions.dadata.ru` in production; `/suggestions/api/4_1/rs/findById/…` is appended. */
  baseUrl: string;
  /** The API key, sent as `Authorization: Token <token>`. */
  token: string;
  timeoutMs: number;
}

const STATUSES: Record<string, OrganisationStatus> = {
  ACTIVE: 'active',
  LIQUIDATING: 'liquidating',
  LIQUIDATED: 'liquidated',
  BANKRUPT: 'bankrupt',
  REORGANIZING: 'reorganizing',
};

/** DaData writes null for what it does not know, and sometimes leaves the field out. */
const text = z.string().nullish();
const address = z.object({ value: text, unrestricted_value: text }).nullish();
const state = z.object({ status: z.string() });

const partyData = z.object({
  inn: z.string(),
  kpp: text,
  ogrn: text,
  type: z.enum(['LEGAL', 'INDIVIDUAL']),
  branch_type: text,
  name: z.object({ full_with_opf: text, short_with_opf: text }).nullish(),
  management: z.object({ name: text, post: text }).nullish(),
  fio: z.object({ surname: text, name: text, patronymic: text }).nullish(),
  state,
  address,
});

const bankData = z.object({
  bic: z.string(),
  name: z.object({ payment: text, short: text, full: text }).nullish(),
  correspondent_account: text,
  state,
  address,
});

function answer<T extends z.ZodType>(data: T) {
  return z.object({
    suggestions: z.array(z.object({ value: z.string(), unrestricted_value: text, data })),
  });
}

const partyAnswer = answer(partyData);
const bankAnswer = answer(bankData);
type PartySuggestion = z.output<typeof partyAnswer>['suggestions'][number];
type BankSuggestion = z.output<typeof bankAnswer>['suggestions'][number];

const SOURCE = 'Справочник организаций';

type Failure = Extract<PartyLookup | BankLookup, { kind: 'unavailable' }>;

/**
 * A `CompanyDirectory` over the DaData suggestions API (`findById/party`, `findById/bank`). Only an
 * empty list of suggestions means "no such organisation"; a refused key, a spent daily limit, a broken
 * or foreign answer become `unavailable`, so that a misconfiguration never reads as a wrong ИНН.
 */
export function dadataDirectory(options: DadataOptions): CompanyDirectory {
  const base = `${options.baseUrl.replace(/\/+$/, '')}/suggestions/api/4_1/rs/findById`;

  /** The suggestions DaData found by `query`, none meaning there is no such organisation. */
  async function suggestionsOf<S extends typeof partyAnswer | typeof bankAnswer>(
    kind: 'party' | 'bank',
    query: string,
    schema: S,
  ): Promise<{ kind: 'answer'; suggestions: z.output<S>['suggestions'] } | Failure> {
    let res: HttpAnswer;
    try {
      res = await httpCall(`${base}/${kind}`, {
        method: 'POST',
        headers: {
          authorization: `Token ${options.token}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({ query }),
        timeoutMs: options.timeoutMs,
      });
    } catch (e) {
      return unavailable(isTimeout(e) ? `${SOURCE} не ответил вовремя` : `${SOURCE} недоступен`);
    }
    if (!res.ok) return unavailable(`${SOURCE} ${refusal(res.status)}`);
    const parsed = schema.safeParse(parseJson(res.text));
    if (!parsed.success) return unavailable(`${SOURCE} прислал непонятный ответ`);
    return { kind: 'answer', suggestions: parsed.data.suggestions };
  }

  return {
    async findParty(input) {
      const inn = validateInn(input);
      if (!inn.ok) return { kind: 'not_found' };
      const res = await suggestionsOf('party', inn.value, partyAnswer);
      if (res.kind === 'unavailable') return res;
      if (res.suggestions.length === 0) return { kind: 'not_found' };
      const own = res.suggestions.filter((s) => s.data.inn === inn.value);
      // One ИНН answers with the head office and every branch (with their own КПП); the form wants the head.
      const chosen = own.find((s) => s.data.branch_type === 'MAIN') ?? own[0];
      if (!chosen) return unavailable(`${SOURCE} прислал другую организацию`);
      const party = toParty(chosen);
      return party ? { kind: 'found', party } : unknownStatus(chosen.data.state.status);
    },

    async findBank(input) {
      const bik = validateBik(input);
      if (!bik.ok) return { kind: 'not_found' };
      const res = await suggestionsOf('bank', bik.value, bankAnswer);
      if (res.kind === 'unavailable') return res;
      if (res.suggestions.length === 0) return { kind: 'not_found' };
      const chosen = res.suggestions.find((s) => s.data.bic === bik.value);
      if (!chosen) return unavailable(`${SOURCE} прислал другой банк`);
      const bank = toBank(chosen);
      return bank ? { kind: 'found', bank } : unknownStatus(chosen.data.state.status);
    },
  };
}

/** Null when the status is one we do not know: guessing "active" could let a closed company sign. */
function toParty(s: PartySuggestion): Party | null {
  const d = s.data;
  const status = STATUSES[d.state.status];
  if (!status) return null;
  return {
    inn: d.inn,
    kpp: filled(d.kpp),
    ogrn: filled(d.ogrn),
    name: filled(d.name?.full_with_opf) ?? filled(s.unrestricted_value) ?? s.value,
    shortName: filled(d.name?.short_with_opf) ?? s.value,
    address: addressOf(d.address),
    head: headOf(d),
    status,
    type: d.type === 'LEGAL' ? 'legal' : 'individual',
  };
}

function toBank(s: BankSuggestion): Bank | null {
  const d = s.data;
  const status = STATUSES[d.state.status];
  if (!status) return null;
  return {
    bik: d.bic,
    // DaData leaves `name.full` null for banks; the payment name is the one платёжки need.
    name: filled(d.name?.payment) ?? filled(d.name?.short) ?? s.value,
    correspondentAccount: filled(d.correspondent_account),
    address: addressOf(d.address),
    status,
  };
}

/** A company's head from the registry; a sole trader signs for himself and has no `management`. */
function headOf(d: PartySuggestion['data']): Party['head'] {
  const name = filled(d.management?.name);
  if (name) return { name, post: filled(d.management?.post) ?? '' };
  if (d.type !== 'INDIVIDUAL' || !d.fio) return null;
  const fio = [d.fio.surname, d.fio.name, d.fio.patronymic].map(filled).filter(Boolean).join(' ');
  return fio ? { name: fio, post: 'Индивидуальный предприниматель' } : null;
}

/** The full form carries the postal code, which contracts need. */
function addressOf(a: z.output<typeof address>): string | null {
  return filled(a?.unrestricted_value) ?? filled(a?.value);
}

function filled(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

function refusal(status: number): string {
  if (status === 401) return 'не получил ключ API';
  if (status === 403) return 'отклонил ключ API или исчерпан дневной лимит запросов';
  if (status === 429) return 'просит реже отправлять запросы';
  return `ответил HTTP ${status}`;
}

function unknownStatus(status: string): Failure {
  return unavailable(`${SOURCE} сообщил неизвестный статус организации: ${status}`);
}

function unavailable(message: string): Failure {
  return { kind: 'unavailable', message };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
