import type { Role, UserView } from '@remed/core';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/** What the inputs hold; empty inputs are empty strings, which the API spells as null. */
export interface UserFormValues {
  fullName: string;
  email: string;
  phone: string;
  password: string;
  roles: Role[];
  omsLevel: string | null;
  clinicIds: string[];
  insurerId: string | null;
  policyholderId: string | null;
}

export const USER_FIELDS = [
  'fullName',
  'email',
  'phone',
  'password',
  'roles',
  'omsLevel',
  'clinicIds',
  'insurerId',
  'policyholderId',
] as const;

export const emptyUserForm: UserFormValues = {
  fullName: '',
  email: '',
  phone: '',
  password: '',
  roles: [],
  omsLevel: null,
  clinicIds: [],
  insurerId: null,
  policyholderId: null,
};

export function userToForm(u: UserView): UserFormValues {
  return {
    fullName: u.fullName,
    email: u.email ?? '',
    phone: u.phone ?? '',
    password: '',
    roles: u.roles,
    omsLevel: u.omsLevel ? String(u.omsLevel) : null,
    clinicIds: u.clinics.map((c) => c.id),
    insurerId: u.insurer?.id ?? null,
    policyholderId: u.policyholder?.id ?? null,
  };
}

/** Organisation fields only travel for the roles that need them, so a changed role leaves no stale links. */
export function formToRequest(v: UserFormValues, withPassword: boolean) {
  const has = (r: Role) => v.roles.includes(r);
  return {
    fullName: v.fullName,
    email: v.email.trim() || null,
    phone: v.phone.trim() || null,
    roles: v.roles,
    omsLevel: has('oms_rep') && v.omsLevel ? Number(v.omsLevel) : null,
    clinicIds: has('clinic_user') ? v.clinicIds : [],
    insurerId: has('insurer_user') ? v.insurerId : null,
    policyholderId: has('policyholder_user') ? v.policyholderId : null,
    ...(withPassword ? { password: v.password } : {}),
  };
}

/** Validates the form with the API's own schema, applied to what would be sent. */
export function schemaResolver<V extends FieldValues, Out>(
  schema: z.ZodType<Out>,
  toRequest: (values: V) => unknown,
): Resolver<V, unknown, Out> {
  return async (values) => {
    const result = schema.safeParse(toRequest(values));
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? 'root');
      errors[key] ??= { type: issue.code, message: issue.message };
    }
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}
