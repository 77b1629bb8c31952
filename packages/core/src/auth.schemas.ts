import { z } from 'zod';
import { normalizeRuPhone } from './phone.ts';
import { OMS_LEVELS, ROLES } from './roles.ts';
import { secondFactorChallengeSchema, secondFactorStateSchema } from './second-factor.schemas.ts';

export const roleSchema = z.enum(ROLES);
export const omsLevelSchema = z.union([
  z.literal(OMS_LEVELS[0]),
  z.literal(OMS_LEVELS[1]),
  z.literal(OMS_LEVELS[2]),
]);

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Неверный адрес электронной почты' }));

export const phoneSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const p = normalizeRuPhone(v);
    if (!p) {
      ctx.addIssue({
        code: 'custom',
        message: 'Неверный номер телефона: нужен российский номер, например +7 900 123-45-67',
      });
      return z.NEVER;
    }
    return p;
  });

/** At least 10 characters with a letter and a digit: long enough against guessing, short enough to type. */
export const passwordSchema = z
  .string()
  .min(10, 'Пароль должен быть не короче 10 символов')
  .max(128, 'Пароль должен быть не длиннее 128 символов')
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), 'Пароль должен содержать буквы и цифры');

export const loginRequestSchema = z.object({
  login: z.string().trim().min(1, 'Введите e-mail или телефон').max(254),
  password: z.string().min(1, 'Введите пароль').max(128),
});

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, 'Введите текущий пароль'),
  newPassword: passwordSchema,
});

export const organisationRefSchema = z.object({ id: z.uuid(), name: z.string() });

/** Who a user is and whom they act for: the part the session and the admin's user list both show. */
export const userAccountShape = {
  id: z.uuid(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(roleSchema),
  omsLevel: omsLevelSchema.nullable(),
  clinics: z.array(organisationRefSchema),
  insurer: organisationRefSchema.nullable(),
  policyholder: organisationRefSchema.nullable(),
};

export const sessionUserSchema = z.object({
  ...userAccountShape,
  mustChangePassword: z.boolean(),
  secondFactor: secondFactorStateSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionResponseSchema = z.object({
  user: sessionUserSchema,
  expiresAt: z.iso.datetime(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** A correct password opens a session, or, for an account with an authenticator, asks for its code. */
export const loginResponseSchema = z.union([sessionResponseSchema, secondFactorChallengeSchema]);
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const csrfResponseSchema = z.object({ csrfToken: z.string() });
