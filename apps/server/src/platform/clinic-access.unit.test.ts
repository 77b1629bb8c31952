import type { SessionUser } from '@remed/core';
import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { assertClinicAccess } from './clinic-access.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

const actor = (roles: SessionUser['roles'], clinics: string[] = []): Actor => ({
  user: {
    id: 'u',
    fullName: 'Тест',
    email: 't@test.ru',
    phone: null,
    roles,
    omsLevel: null,
    mustChangePassword: false,
    insurer: null,
    policyholder: null,
    clinics: clinics.map((id) => ({ id, name: id })),
  } as unknown as SessionUser,
  requestId: null,
  ip: null,
});

describe('assertClinicAccess', () => {
  it('lets a clinic user act for the clinics of their network only', () => {
    expect(() => assertClinicAccess(actor(['clinic_user'], [A, B]), B)).not.toThrow();
    expect(() => assertClinicAccess(actor(['clinic_user'], [A]), B)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('lets the service staff in and keeps everyone else out', () => {
    expect(() => assertClinicAccess(actor(['admin']), B)).not.toThrow();
    expect(() => assertClinicAccess(actor(['console_doctor']), B, ['console_doctor'])).not.toThrow();
    for (const role of ['insured', 'insurer_user', 'console_doctor'] as const)
      expect(() => assertClinicAccess(actor([role]), A)).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      );
    expect(() => assertClinicAccess({ user: null, requestId: null, ip: null }, A)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });
});
