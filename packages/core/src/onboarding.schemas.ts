import { z } from 'zod';
import { emailSchema, passwordSchema, phoneSchema } from './auth.schemas.ts';

export const requestCodeSchema = z.object({ phone: phoneSchema });
export const verifyCodeSchema = z.object({
  phone: phoneSchema,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Код — это 6 цифр из SMS'),
});
export const verifyCodeResponseSchema = z.object({
  ticket: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  email: z.string().nullable(),
});
export const completeRegistrationSchema = z.object({
  phone: phoneSchema,
  ticket: z.string().min(10),
  password: passwordSchema,
  email: emailSchema.nullable().optional(),
  dataProcessing: z.literal(true, { message: 'Нужно согласие на обработку персональных данных' }),
  employerSharing: z.boolean(),
});
export const consentTextSchema = z.object({
  kind: z.enum(['data_processing', 'employer_sharing']),
  version: z.string(),
  title: z.string(),
  text: z.string(),
});
export const consentStateSchema = z.object({
  kind: z.enum(['data_processing', 'employer_sharing']),
  version: z.string(),
  acceptedAt: z.iso.datetime(),
  withdrawnAt: z.iso.datetime().nullable(),
});
