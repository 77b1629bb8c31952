import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from './secret-box.ts';

const key = crypto.randomBytes(32);

describe('secret box', () => {
  it('opens what it sealed, with a different nonce each time', () => {
    const a = seal(key, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'user-1');
    const b = seal(key, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'user-1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DP');
    expect(open(key, a, 'user-1')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
  });

  it('refuses another key, another context and a changed value', () => {
    const sealed = seal(key, 'secret', 'user-1');
    expect(() => open(crypto.randomBytes(32), sealed, 'user-1')).toThrow();
    expect(() => open(key, sealed, 'user-2')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => open(key, parts.join('.'), 'user-1')).toThrow();
    expect(() => open(key, 'garbage', 'user-1')).toThrow();
  });
});
