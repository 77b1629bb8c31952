import { validateCorrespondentAccount, validateKpp, validateOgrn } from '@remed/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { setUpLocalServer } from '../../../test/local-server.ts';
import type { DadataSuggestion } from './bundled-records.ts';
import { dadataDirectory } from './dadata-client.ts';
import { DadataSimulatorState, dadataSimulatorRoutes } from './dadata-simulator.ts';

const SBERBANK_INN = '7707083893';
const TOKEN = 'sim-dadata-key';
const state = new DadataSimulatorState(TOKEN);

function directory(overrides: { token?: string; timeoutMs?: number; baseUrl?: string } = {}) {
  return dadataDirectory({
    baseUrl: overrides.baseUrl ?? `${origin()}/sim/dadata`,
    token: overrides.token ?? TOKEN,
    timeoutMs: overrides.timeoutMs ?? 2_000,
  });
}

/** A made-up company (valid check digits, no such real one) in DaData's shape, with only what we map. */
function party(inn: string, data: Record<string, unknown>): DadataSuggestion {
  return {
    value: 'ООО "ЛУЧ"',
    unrestricted_value: 'ООО "ЛУЧ"',
    data: {
      inn,
      kpp: '770101001',
      ogrn: '1027700000019',
      type: 'LEGAL',
      branch_type: 'MAIN',
      name: { full_with_opf: 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ЛУЧ"', short_with_opf: 'ООО "ЛУЧ"' },
      management: null,
      state: { status: 'ACTIVE', actuality_date: 1700000000000, registration_date: 1000000000000 },
      address: null,
      ...data,
    },
  };
}

const origin = setUpLocalServer(async (app) => {
  await app.register(dadataSimulatorRoutes(state));
});

beforeEach(() => {
  state.clear();
  Object.assign(state.behaviour, { latencyMs: 0, failNext: 0, timeoutNext: 0, hangMs: 10_000 });
});

describe('DaData client against the simulator: parties', () => {
  it('fills the requisites of the head office from a real ИНН', async () => {
    expect(await directory().findParty(SBERBANK_INN)).toEqual({
      kind: 'found',
      party: {
        inn: SBERBANK_INN,
        kpp: '773601001',
        ogrn: '1027700132195',
        name: 'ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО "СБЕРБАНК РОССИИ"',
        shortName: 'ПАО СБЕРБАНК',
        address: '117312, г Москва, Академический р-н, ул Вавилова, д 19',
        head: { name: 'Греф Герман Оскарович', post: 'ПРЕЗИДЕНТ, ПРЕДСЕДАТЕЛЬ ПРАВЛЕНИЯ' },
        status: 'active',
        type: 'legal',
      },
    });
  });

  it('fills requisites that pass the core checks', async () => {
    const r = await directory().findParty(SBERBANK_INN);
    if (r.kind !== 'found') throw new Error(`expected found, got ${r.kind}`);
    expect(validateKpp(r.party.kpp ?? '').ok).toBe(true);
    expect(validateOgrn(r.party.ogrn ?? '').ok).toBe(true);
  });

  it('accepts an ИНН typed with spaces', async () => {
    expect(await directory().findParty(' 7707 083 893 ')).toMatchObject({
      kind: 'found',
      party: { inn: SBERBANK_INN },
    });
  });

  it('reports a liquidated company as liquidated', async () => {
    state.registerParty(
      party('1234567894', {
        state: { status: 'LIQUIDATED', registration_date: 1000000000000, liquidation_date: 1600000000000 },
      }),
    );
    expect(await directory().findParty('1234567894')).toMatchObject({
      kind: 'found',
      party: {
        inn: '1234567894',
        status: 'liquidated',
        name: 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ЛУЧ"',
      },
    });
  });

  it('makes a sole trader the head of his own business, with no КПП', async () => {
    state.registerParty(
      party('123456789047', {
        type: 'INDIVIDUAL',
        kpp: null,
        ogrn: '385768585948949',
        branch_type: null,
        name: {
          full_with_opf: 'Индивидуальный предприниматель Лучников Пётр Ильич',
          short_with_opf: 'ИП Лучников П.И.',
        },
        fio: { surname: 'Лучников', name: 'Пётр', patronymic: 'Ильич' },
        address: { value: 'г Тверь', unrestricted_value: '170000, Тверская обл, г Тверь' },
      }),
    );
    expect(await directory().findParty('123456789047')).toEqual({
      kind: 'found',
      party: {
        inn: '123456789047',
        kpp: null,
        ogrn: '385768585948949',
        name: 'Индивидуальный предприниматель Лучников Пётр Ильич',
        shortName: 'ИП Лучников П.И.',
        address: '170000, Тверская обл, г Тверь',
        head: { name: 'Лучников Пётр Ильич', post: 'Индивидуальный предприниматель' },
        status: 'active',
        type: 'individual',
      },
    });
  });

  it('answers not_found for a valid ИНН the directory does not know', async () => {
    expect(await directory().findParty('7702070139')).toEqual({ kind: 'not_found' });
  });

  it.each(['', '770708389', '77070838930', '77O7083893', '7707083890'])(
    'answers not_found for the malformed ИНН «%s» without calling',
    async (inn) => {
      const before = state.requests;
      expect(await directory().findParty(inn)).toEqual({ kind: 'not_found' });
      expect(state.requests).toBe(before);
    },
  );
});

describe('DaData client against the simulator: banks', () => {
  it.each([
    [
      '044525225',
      'ПАО СБЕРБАНК',
      '30101810400000000225',
      '117312, г Москва, Академический р-н, ул Вавилова, д 19',
    ],
    [
      '042520607',
      'БАЙКАЛЬСКИЙ БАНК ПАО СБЕРБАНК',
      '30101810900000000607',
      '664011, Иркутская обл, г Иркутск, Кировский р-н, ул Нижняя Набережная, д 10',
    ],
  ])(
    'fills the bank of БИК %s with a correspondent account keyed to that БИК',
    async (bik, name, corr, address) => {
      const r = await directory().findBank(bik);
      expect(r).toEqual({
        kind: 'found',
        bank: { bik, name, correspondentAccount: corr, address, status: 'active' },
      });
      expect(validateCorrespondentAccount(corr, bik)).toEqual({ ok: true, value: corr });
    },
  );

  it('answers not_found for a valid БИК the directory does not know', async () => {
    expect(await directory().findBank('044525974')).toEqual({ kind: 'not_found' });
  });

  it.each(['', '04452522', '054525225', '04452522A'])(
    'answers not_found for the malformed БИК «%s» without calling',
    async (bik) => {
      const before = state.requests;
      expect(await directory().findBank(bik)).toEqual({ kind: 'not_found' });
      expect(state.requests).toBe(before);
    },
  );
});

describe('DaData client when the directory fails', () => {
  it('answers unavailable on HTTP 500, then finds the company', async () => {
    state.behaviour.failNext = 1;
    expect(await directory().findParty(SBERBANK_INN)).toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('500'),
    });
    expect((await directory().findParty(SBERBANK_INN)).kind).toBe('found');
  });

  it('answers unavailable when the directory does not answer within the client timeout', async () => {
    state.behaviour.timeoutNext = 1;
    state.behaviour.hangMs = 3_000;
    const started = Date.now();
    const r = await directory({ timeoutMs: 200 }).findBank('044525225');
    expect(r).toMatchObject({ kind: 'unavailable', message: expect.stringContaining('вовремя') });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('answers unavailable when every answer is slower than the client timeout', async () => {
    state.behaviour.latencyMs = 400;
    expect((await directory({ timeoutMs: 100 }).findParty(SBERBANK_INN)).kind).toBe('unavailable');
  });

  it.each([
    ['a wrong', 'wrong-key', 'отклонил ключ'],
    ['no', '', 'не получил ключ'],
  ])('answers unavailable, never not_found, for %s API key', async (_what, token, text) => {
    expect(await directory({ token }).findParty(SBERBANK_INN)).toEqual({
      kind: 'unavailable',
      message: expect.stringContaining(text),
    });
    expect((await directory({ token }).findBank('044525225')).kind).toBe('unavailable');
  });

  it('answers unavailable when nothing listens', async () => {
    expect((await directory({ baseUrl: 'http://127.0.0.1:1' }).findParty(SBERBANK_INN)).kind).toBe(
      'unavailable',
    );
  });
});
