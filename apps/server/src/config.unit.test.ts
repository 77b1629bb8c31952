import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('defaults to embedded PGlite in ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database.kind).toBe('pglite');
    expect(c.database.kind === 'pglite' && c.database.dir.endsWith('/data/pglite')).toBe(true);
    expect(c.storage.kind).toBe('local');
    expect(c.bcryptCost).toBeGreaterThanOrEqual(12);
  });

  it('switches to PostgreSQL and S3 when configured', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/remed',
      S3_BUCKET: 'remed-files',
      S3_ACCESS_KEY_ID: 'k',
      S3_SECRET_ACCESS_KEY: 's',
      S3_ENDPOINT: 'https://storage.example.ru',
    });
    expect(c.database).toMatchObject({ kind: 'postgres', url: 'postgres://u@db:5432/remed' });
    expect(c.storage).toMatchObject({ kind: 's3', bucket: 'remed-files' });
  });

  it('names every bad variable in one error', () => {
    try {
      loadConfig({ PORT: 'восемь', DATABASE_URL: 'mysql://x', BCRYPT_COST: '10', TLS_CERT_FILE: '/c.pem' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as ConfigError).message;
      for (const key of ['PORT', 'DATABASE_URL', 'BCRYPT_COST', 'TLS_KEY_FILE']) expect(msg).toContain(key);
    }
  });

  it('requires a session secret and the real receipt and payout services in production', () => {
    const outside = {
      RECEIPTS_PROTOCOL: 'aggregator',
      RECEIPTS_API_URL: 'https://proverkacheka.example',
      RECEIPTS_API_TOKEN: 't',
      PAYOUTS_API_URL: 'https://api.yookassa.example',
      PAYOUTS_AGENT_ID: 'a',
      PAYOUTS_SECRET_KEY: 's',
    };
    expect(() => loadConfig({ NODE_ENV: 'production', ...outside })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) })).toThrow(
      /RECEIPTS_API_URL/,
    );
    expect(() => loadConfig({ PAYOUTS_API_URL: 'https://api.yookassa.example' })).toThrow(/PAYOUTS_AGENT_ID/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), ...outside })).toThrow(
      /TOTP_ENCRYPTION_KEY/,
    );
    const c = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      TOTP_ENCRYPTION_KEY: 'ab'.repeat(32),
      ...outside,
    });
    expect(c.sessionSecret).toHaveLength(40);
    expect(c.receipts).toMatchObject({
      protocol: 'aggregator',
      simulated: false,
      url: 'https://proverkacheka.example',
    });
    expect(loadConfig({}).payouts).toMatchObject({
      simulated: true,
      url: 'http://127.0.0.1:3000/sim/yookassa',
    });
  });

  it('fetches receipts over the FNS Open API by default, from the built-in simulator', () => {
    expect(loadConfig({}).receipts).toEqual({
      protocol: 'fns',
      url: 'http://127.0.0.1:3000/sim/fns-openapi',
      token: 'simulator-token',
      userId: 'remed',
      simulated: true,
    });
    expect(loadConfig({ RECEIPTS_PROTOCOL: 'aggregator', PORT: '8080' }).receipts).toMatchObject({
      protocol: 'aggregator',
      url: 'http://127.0.0.1:8080/sim/fns',
      simulated: true,
    });
    const real = loadConfig({
      RECEIPTS_API_URL: 'https://openapi.nalog.ru:8090',
      RECEIPTS_API_TOKEN: 'master',
      RECEIPTS_FNS_USER_ID: 'clinic-app',
    });
    expect(real.receipts).toEqual({
      protocol: 'fns',
      url: 'https://openapi.nalog.ru:8090',
      token: 'master',
      userId: 'clinic-app',
      simulated: false,
    });
  });

  it('refuses a receipt service without its token, an unknown protocol and a user id too long for the FNS', () => {
    expect(() => loadConfig({ RECEIPTS_API_URL: 'https://openapi.nalog.ru:8090' })).toThrow(
      /RECEIPTS_API_TOKEN/,
    );
    expect(() => loadConfig({ RECEIPTS_PROTOCOL: 'soap' })).toThrow(/RECEIPTS_PROTOCOL/);
    expect(() => loadConfig({ RECEIPTS_FNS_USER_ID: 'я'.repeat(61) })).toThrow(/RECEIPTS_FNS_USER_ID/);
    expect(loadConfig({ RECEIPTS_FNS_USER_ID: 'я'.repeat(60) }).receipts.userId).toHaveLength(60);
  });

  it('parses the trusted proxy setting', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
    expect(loadConfig({}).trustProxy).toBe(false);
  });
});
