import { z } from 'zod';
import {
  emailSchema,
  omsLevelSchema,
  organisationRefSchema,
  passwordSchema,
  phoneSchema,
  roleSchema,
  userAccountShape,
} from './auth.schemas.ts';
import { offsetPaging, optionalPeriod } from './list-query.schemas.ts';

export const userViewSchema = z.object({
  ...userAccountShape,
  blocked: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.iso.datetime(),
  lastLoginAt: z.iso.datetime().nullable(),
});
export type UserView = z.infer<typeof userViewSchema>;

const userFields = {
  fullName: z.string().trim().min(2, 'Укажите ФИО').max(200),
  email: emailSchema.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  roles: z.array(roleSchema).min(1, 'Выберите хотя бы одну роль'),
  omsLevel: omsLevelSchema.nullable().optional(),
  clinicIds: z.array(z.uuid()).optional(),
  insurerId: z.uuid().nullable().optional(),
  policyholderId: z.uuid().nullable().optional(),
};

export const createUserRequestSchema = z
  .object({ ...userFields, password: passwordSchema })
  .refine((u) => u.email || u.phone, { message: 'Укажите e-mail или телефон', path: ['email'] })
  .refine((u) => !u.roles.includes('oms_rep') || u.omsLevel != null, {
    message: 'Для страхового представителя укажите уровень 1, 2 или 3',
    path: ['omsLevel'],
  });
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({
    fullName: userFields.fullName.optional(),
    email: userFields.email,
    phone: userFields.phone,
    roles: userFields.roles.optional(),
    omsLevel: userFields.omsLevel,
    clinicIds: userFields.clinicIds,
    insurerId: userFields.insurerId,
    policyholderId: userFields.policyholderId,
    blocked: z.boolean().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: 'Нет изменений' });
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const resetPasswordRequestSchema = z.object({ password: passwordSchema });

export const userListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  role: roleSchema.optional(),
  blocked: z.enum(['true', 'false']).optional(),
  ...offsetPaging(200, 50),
});

export const organisationsResponseSchema = z.object({
  clinics: z.array(organisationRefSchema),
  insurers: z.array(organisationRefSchema),
  policyholders: z.array(organisationRefSchema),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  actorId: z.uuid().optional(),
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  ...optionalPeriod(z.iso.date()),
  ...offsetPaging(500, 100),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const outboxMessageSchema = z.object({
  id: z.uuid(),
  channel: z.enum(['email', 'sms']),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'demo', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), size: z.number().int() })),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const apiTokenViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});

export const createApiTokenRequestSchema = z.object({
  name: z.string().trim().min(1, 'Назовите токен').max(100),
});
export const createApiTokenResponseSchema = z.object({ token: apiTokenViewSchema, secret: z.string() });

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });
