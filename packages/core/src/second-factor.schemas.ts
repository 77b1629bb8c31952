import { z } from 'zod';
import type { Role } from './roles.ts';

/** Roles that must sign in with a second factor unless the deployment configures otherwise. */
export const SECOND_FACTOR_DEFAULT_ROLES: readonly Role[] = [
  'admin',
  'console_doctor',
  'insurer_user',
  'oms_rep',
];

export const RECOVERY_CODE_COUNT = 10;

/**
 * `setup_required`: a staff account signed in with its password only; until the authenticator is set up
 * the API answers SECOND_FACTOR_SETUP_REQUIRED to everything but the set-up itself.
 */
export const secondFactorStateSchema = z.enum(['not_required', 'setup_required', 'enrolled']);
export type SecondFactorState = z.infer<typeof secondFactorStateSchema>;

/** Six digits from the authenticator app, or one recovery code (letters and digits, dashes and spaces ignored). */
export const secondFactorCodeSchema = z
  .string()
  .trim()
  .min(1, 'Введите код из приложения или резервный код')
  .max(40, 'Код слишком длинный');

export const totpCodeSchema = z
  .string()
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Введите шесть цифр из приложения'));

export const secondFactorLoginRequestSchema = z.object({ code: secondFactorCodeSchema });
export const confirmEnrolmentRequestSchema = z.object({ code: totpCodeSchema });

/** The answer of a correct password when a code is still to come: no session yet. */
export const secondFactorChallengeSchema = z.object({
  secondFactorRequired: z.literal(true),
  expiresAt: z.iso.datetime(),
});
export type SecondFactorChallenge = z.infer<typeof secondFactorChallengeSchema>;

export const enrolmentStartResponseSchema = z.object({
  /** Base32, as authenticator apps take it when typed by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as a QR code image (data:image/svg+xml). */
  qrDataUrl: z.string(),
});
export type EnrolmentStartResponse = z.infer<typeof enrolmentStartResponseSchema>;

export const recoveryCodesResponseSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesResponse = z.infer<typeof recoveryCodesResponseSchema>;

export const secondFactorStatusSchema = z.object({
  state: secondFactorStateSchema,
  /** Whether the roles of the account call for a second factor at all. */
  requiredByRole: z.boolean(),
  /** Set only by the demo seed: a demo account signs in with its password alone. */
  demoExempt: z.boolean(),
  enrolledAt: z.iso.datetime().nullable(),
  recoveryCodesLeft: z.number().int(),
});
export type SecondFactorStatus = z.infer<typeof secondFactorStatusSchema>;
