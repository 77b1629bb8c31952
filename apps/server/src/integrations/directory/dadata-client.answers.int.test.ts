import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setUpLocalServer } from '../../../test/local-server.ts';
import type { DadataSuggestion } from './bundled-records.ts';
import { dadataDirectory } from './dadata-client.ts';

const REFERENCE = new URL('../../../../../reference/dadata/', import.meta.url);

function reference(name: string): { suggestions: DadataSuggestion[] } {
  return JSON.parse(fs.readFileSync(new URL(name, REFERENCE), 'utf8'));
}

const SBERBANK_INN = '7707083893';
/** Answers the test sets, to reach codes and bodies the simulator itself never sends. */
let canned: { status: number; body: string } = { status: 200, body: '{}' };

const sberbankHeadOffice = reference('Find_party.json').suggestions[0]!;
const withStatus = (status: string): DadataSuggestion => ({
  ...sberbankHeadOffice,
  data: { ...sberbankHeadOffice.data, state: { status } },
});

const origin = setUpLocalServer(async (app) => {
  app.post('/canned/suggestions/api/4_1/rs/findById/:kind', async (_req, reply) =>
    reply.code(canned.status).type('application/json').send(canned.body),
  );
});

describe('DaData client on answers the simulator does not give', () => {
  const cannedDirectory = () =>
    dadataDirectory({ baseUrl: `${origin()}/canned/`, token: 'any', timeoutMs: 2_000 });
  const answer = (...suggestions: DadataSuggestion[]) => ({
    status: 200,
    body: JSON.stringify({ suggestions }),
  });

  it.each([
    ['ACTIVE', 'active'],
    ['LIQUIDATING', 'liquidating'],
    ['LIQUIDATED', 'liquidated'],
    ['BANKRUPT', 'bankrupt'],
    ['REORGANIZING', 'reorganizing'],
  ])('maps the status %s to %s', async (status, expected) => {
    canned = answer(withStatus(status));
    expect(await cannedDirectory().findParty(SBERBANK_INN)).toMatchObject({
      kind: 'found',
      party: { status: expected },
    });
  });

  it('takes the head office even when a branch is listed first', async () => {
    const [head, branch] = reference('Find_party.json').suggestions;
    canned = answer(branch!, head!);
    expect(await cannedDirectory().findParty(SBERBANK_INN)).toMatchObject({
      kind: 'found',
      party: { kpp: '773601001' },
    });
  });

  it.each([
    ['unparseable JSON', 200, '<html>nginx</html>'],
    ['JSON without suggestions', 200, '{"family":"CLIENT_ERROR"}'],
    ['a suggestion without data', 200, '{"suggestions":[{"value":"x"}]}'],
    ['HTTP 429', 429, '{}'],
    ['HTTP 502', 502, '{"suggestions":[]}'],
  ])('maps %s to unavailable', async (_what, status, body) => {
    canned = { status, body };
    expect((await cannedDirectory().findParty(SBERBANK_INN)).kind).toBe('unavailable');
    expect((await cannedDirectory().findBank('044525225')).kind).toBe('unavailable');
  });

  it('does not take another company for the one asked about', async () => {
    canned = answer(sberbankHeadOffice);
    expect(await cannedDirectory().findParty('7702070139')).toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('другую организацию'),
    });
  });

  it('does not take another bank for the one asked about', async () => {
    canned = { status: 200, body: JSON.stringify(reference('Find_bank.json')) };
    expect(await cannedDirectory().findBank('042520607')).toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('другой банк'),
    });
  });

  it('does not guess a status it does not know', async () => {
    canned = answer(withStatus('SUSPENDED'));
    expect(await cannedDirectory().findParty(SBERBANK_INN)).toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('SUSPENDED'),
    });
  });
});
