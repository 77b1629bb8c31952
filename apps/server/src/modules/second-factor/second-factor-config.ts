import { ROLES, type Role, SECOND_FACTOR_DEFAULT_ROLES } from '@remed/core';
import { z } from 'zod';

/** 32 bytes for AES-256, written as 64 hex digits or as base64. */
export const totpKeySchema = z.string().transform((v, ctx) => {
  const key = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  if (key.length !== 32) {
    ctx.addIssue({ code: 'custom', message: 'нужны 32 байта: 64 шестнадцатеричные цифры или base64' });
    return z.NEVER;
  }
  return key;
});

/** A comma-separated list of role names; `none` switches the second factor off for every role. */
export const secondFactorRolesSchema = z
  .string()
  .default(SECOND_FACTOR_DEFAULT_ROLES.join(','))
  .transform((v, ctx): Role[] => {
    if (v.trim() === 'none') return [];
    const names = v
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    const unknown = names.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (unknown.length || !names.length) {
      ctx.addIssue({
        code: 'custom',
        message: `неизвестные роли: ${unknown.join(', ') || '(пусто)'}; допустимы ${ROLES.join(', ')} или none`,
      });
      return z.NEVER;
    }
    return [...new Set(names)] as Role[];
  });
