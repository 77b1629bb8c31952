import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setUpLocalServer } from '../../../test/local-server.ts';
import type { DadataSuggestion } from './bundled-records.ts';
import { DadataSimulatorState, dadataSimulatorRoutes } from './dadata-simulator.ts';

const REFERENCE = new URL('../../../../../reference/dadata/', import.meta.url);

function reference(name: string): { suggestions: DadataSuggestion[] } {
  return JSON.parse(fs.readFileSync(new URL(name, REFERENCE), 'utf8'));
}

const SBERBANK_INN = '7707083893';
const TOKEN = 'sim-dadata-key';

const origin = setUpLocalServer(async (app) => {
  await app.register(dadataSimulatorRoutes(new DadataSimulatorState(TOKEN)));
});

describe('DaData simulator', () => {
  type Answer = { suggestions: DadataSuggestion[] };
  const post = (kind: string, body: unknown, token = TOKEN) =>
    fetch(`${origin()}/sim/dadata/suggestions/api/4_1/rs/findById/${kind}`, {
      method: 'POST',
      headers: { authorization: `Token ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it.each([
    ['party', SBERBANK_INN, 'Find_party.json'],
    ['bank', '044525225', 'Find_bank.json'],
  ])('answers findById/%s for %s exactly as DaData did', async (kind, query, file) => {
    const res = await post(kind, { query });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(reference(file));
  });

  it('honours the branch_type and kpp filters', async () => {
    const branches = (await (
      await post('party', { query: SBERBANK_INN, branch_type: 'BRANCH' })
    ).json()) as Answer;
    expect(branches.suggestions.map((s) => s.data.kpp)).toEqual(['380843001']);
    const byKpp = (await (await post('party', { query: SBERBANK_INN, kpp: '773601001' })).json()) as Answer;
    expect(byKpp.suggestions.map((s) => s.data.branch_type)).toEqual(['MAIN']);
  });

  it('answers HTTP 400 without a query', async () => {
    expect((await post('bank', { count: 1 })).status).toBe(400);
  });

  it('answers HTTP 403 with DaData’s error body for a wrong key', async () => {
    const res = await post('party', { query: SBERBANK_INN }, 'wrong');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ family: 'CLIENT_ERROR', reason: 'Forbidden' });
  });
});
