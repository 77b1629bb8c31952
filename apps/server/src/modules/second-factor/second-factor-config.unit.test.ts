import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from '../../config.ts';
import { resolveTotpKey } from '../../runtime.ts';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    return (e as ConfigError).problems;
  }
};

describe('second factor configuration', () => {
  it('asks the four staff roles by default and takes a list or none', () => {
    expect(loadConfig({}).secondFactor.roles).toEqual(['admin', 'console_doctor', 'insurer_user', 'oms_rep']);
    expect(loadConfig({ SECOND_FACTOR_ROLES: ' admin , oms_rep,admin' }).secondFactor.roles).toEqual([
      'admin',
      'oms_rep',
    ]);
    expect(loadConfig({ SECOND_FACTOR_ROLES: 'none' }).secondFactor.roles).toEqual([]);
  });

  it('names an unknown role', () => {
    expect(problems({ SECOND_FACTOR_ROLES: 'admin,doctor' })).toEqual([
      expect.stringMatching(/^SECOND_FACTOR_ROLES: неизвестные роли: doctor/),
    ]);
  });

  it('takes a 32-byte key as hex or base64 and refuses any other length', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ TOTP_ENCRYPTION_KEY: hex }).secondFactor.encryptionKey).toEqual(
      Buffer.from(hex, 'hex'),
    );
    const b64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ TOTP_ENCRYPTION_KEY: b64 }).secondFactor.encryptionKey).toEqual(Buffer.alloc(32, 7));
    expect(problems({ TOTP_ENCRYPTION_KEY: 'short' })).toEqual([
      expect.stringMatching(/^TOTP_ENCRYPTION_KEY: нужны 32 байта/),
    ]);
  });

  it('without a key generates one into DATA_DIR once, readable only by the owner; a given key wins', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-totp-key-'));
    try {
      const first = resolveTotpKey(loadConfig({ DATA_DIR: dir }));
      expect(first).toHaveLength(32);
      expect(fs.statSync(path.join(dir, 'totp-key')).mode & 0o777).toBe(0o600);
      expect(resolveTotpKey(loadConfig({ DATA_DIR: dir }))).toEqual(first);
      const given = 'cd'.repeat(32);
      expect(resolveTotpKey(loadConfig({ DATA_DIR: dir, TOTP_ENCRYPTION_KEY: given }))).toEqual(
        Buffer.from(given, 'hex'),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
