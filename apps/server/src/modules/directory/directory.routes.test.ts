import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TestClient, type TestContext } from '../../../test/harness.ts';
import { dadataDirectory } from '../../integrations/directory/dadata-client.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({}, { jobs: 'off' });
  // As in demo: the app serves the directory simulator itself; point the client at this very server.
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  ctx.deps.companyDirectory = dadataDirectory({
    baseUrl: `${base}/sim/dadata`,
    token: ctx.deps.config.directory.token,
    timeoutMs: 1000,
  });
});
afterAll(() => ctx.close());

describe('requisites by ИНН and БИК', () => {
  it('fills a company by ИНН and a bank by БИК, without an account', async () => {
    const anon = new TestClient(ctx.app);
    const party = await anon.get('/api/directory/party/7707083893');
    expect(party.statusCode).toBe(200);
    expect(party.json()).toMatchObject({
      inn: '7707083893',
      kpp: '773601001',
      ogrn: '1027700132195',
      status: 'active',
      type: 'legal',
    });
    expect(party.json().name).toMatch(/СБЕРБАНК/i);
    const bank = await anon.get('/api/directory/bank/044525225');
    expect(bank.json()).toMatchObject({ bik: '044525225', correspondentAccount: '30101810400000000225' });
  });

  it('explains what went wrong: unknown, malformed, directory down', async () => {
    const anon = new TestClient(ctx.app);
    const unknown = await anon.get('/api/directory/party/7710140679');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toMatch(/не найден в справочнике/);
    expect((await anon.get('/api/directory/party/12345')).statusCode).toBe(404);
    ctx.deps.simulators!.directory.behaviour.failNext = 1;
    const down = await anon.get('/api/directory/bank/044525225');
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/Заполните поля вручную/),
    });
  });
});
