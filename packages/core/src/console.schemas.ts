import { z } from 'zod';
import { SERVICE_CODE_RE } from './adjudication/letter.ts';
import { isoDateInput } from './list-query.schemas.ts';

export const serviceCodeSchema = z
  .string()
  .trim()
  .regex(SERVICE_CODE_RE, 'Код услуги по 804н, например B01.047.001');
export const icd10Schema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]\d{2}(\.\d{1,2})?$/, 'Код МКБ-10, например J06.9');

export const helpRequestViewSchema = z.object({
  id: z.uuid(),
  channel: z.enum(['app', 'phone']),
  complaint: z.string(),
  answers: z.record(z.string(), z.string()),
  hasPhoto: z.boolean(),
  status: z.enum(['new', 'in_work', 'closed']),
  createdAt: z.iso.datetime(),
  insuredName: z.string(),
  policyNumber: z.string().nullable(),
  caseId: z.uuid().nullable(),
});
export type HelpRequestView = z.infer<typeof helpRequestViewSchema>;

export const createHelpRequestSchema = z.object({
  policyNumber: z.string().trim().min(3, 'Укажите номер полиса'),
  complaint: z.string().trim().min(3, 'Опишите, что беспокоит').max(4000),
});

export const selectedServiceSchema = z.object({
  serviceCode: serviceCodeSchema,
  quantity: z.number().int().min(1, 'Не меньше 1').max(50),
});

export const servicesRequestSchema = z.object({
  services: z.array(selectedServiceSchema).min(1, 'Выберите хотя бы одну услугу').max(30),
  approvedCodes: z.array(serviceCodeSchema).default([]),
});

export const updateCaseSchema = z.object({
  complaints: z.string().trim().min(1).max(4000).optional(),
  icd10Code: icd10Schema.nullable().optional(),
  icd10Text: z.string().trim().max(300).nullable().optional(),
});

export const issueLetterSchema = servicesRequestSchema.extend({
  clinicId: z.uuid('Выберите клинику'),
  branchId: z.uuid().nullable().optional(),
  validDays: z.number().int().min(1).max(90).default(30),
});

export const cancelLetterSchema = z.object({ reason: z.string().trim().min(3, 'Укажите причину').max(500) });
export const extendLetterSchema = z.object({
  validUntil: isoDateInput,
  reason: z.string().trim().min(3, 'Укажите причину').max(500),
});

export const serviceSearchResultSchema = z.object({
  serviceCode: z.string(),
  name: z.string(),
  clinics: z.number().int(),
  minPrice: z.number().int(),
});

export const coverageLineSchema = z.object({
  serviceCode: z.string(),
  name: z.string(),
  verdict: z.enum(['covered', 'excluded', 'needs_approval', 'not_covered']),
});

export const coverageResponseSchema = z.object({
  lines: z.array(coverageLineSchema),
  annualLimit: z.number().int().nullable(),
  annualLeft: z.number().int().nullable(),
  franchisePercent: z.number().int(),
  allAllowed: z.boolean(),
});

export const rankedClinicSchema = z.object({
  clinicId: z.uuid(),
  name: z.string(),
  inn: z.string(),
  address: z.string().nullable(),
  district: z.string().nullable(),
  rating: z.number().nullable(),
  cashbackPercent: z.number().int(),
  total: z.number().int(),
  missing: z.array(z.string()),
  score: z.number(),
  overLimit: z.boolean(),
  branches: z.array(
    z.object({ id: z.uuid(), name: z.string(), address: z.string(), district: z.string().nullable() }),
  ),
});
export type RankedClinic = z.infer<typeof rankedClinicSchema>;

export const letterItemSchema = z.object({
  line: z.number().int(),
  code: z.string(),
  clinicCode: z.string(),
  name: z.string(),
  price: z.number().int(),
  quantity: z.number().int(),
});

/**
 * What a person sees of a letter: «issued» is in force with something left to use; «used_up» is in force but
 * receipts have used every line's quantity; «expired» is past its last day; «cancelled» by the console.
 * Cancelled and expired win over used up. Only «issued» and «cancelled» are stored; the rest is derived.
 */
export const LETTER_STATUSES = ['issued', 'used_up', 'expired', 'cancelled'] as const;
export const letterStatusSchema = z.enum(LETTER_STATUSES);
export const LETTER_STATUS_LABELS: Record<(typeof LETTER_STATUSES)[number], string> = {
  issued: 'Действует',
  used_up: 'Использовано',
  expired: 'Срок истёк',
  cancelled: 'Отменено',
};

export const letterViewSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  status: letterStatusSchema,
  issuedAt: z.iso.datetime(),
  validFrom: z.iso.date(),
  validUntil: z.iso.date(),
  insuredName: z.string(),
  policyNumber: z.string(),
  clinic: z.object({ id: z.uuid(), name: z.string(), inn: z.string(), address: z.string().nullable() }),
  branch: z.object({ name: z.string(), address: z.string(), phone: z.string().nullable() }).nullable(),
  franchisePercent: z.number().int(),
  cashbackPercent: z.number().int(),
  remainingLimit: z.number().int().nullable(),
  total: z.number().int(),
  items: z.array(letterItemSchema),
  cancelReason: z.string().nullable(),
  caseId: z.uuid(),
});
export type LetterView = z.infer<typeof letterViewSchema>;

export const caseViewSchema = z.object({
  id: z.uuid(),
  status: z.enum(['open', 'letter_issued', 'closed']),
  complaints: z.string(),
  icd10Code: z.string().nullable(),
  icd10Text: z.string().nullable(),
  insured: z.object({
    id: z.uuid(),
    fullName: z.string(),
    birthDate: z.string(),
    sex: z.enum(['male', 'female']),
    phone: z.string().nullable(),
  }),
  policy: z.object({ number: z.string(), validFrom: z.string(), validTo: z.string(), active: z.boolean() }),
  program: z.object({
    id: z.uuid(),
    name: z.string(),
    franchisePercent: z.number().int(),
    annualLimit: z.number().int().nullable(),
    annualLeft: z.number().int().nullable(),
    anyClinic: z.boolean(),
  }),
  request: helpRequestViewSchema,
  letters: z.array(letterViewSchema),
});
export type CaseView = z.infer<typeof caseViewSchema>;

export const icd10EntrySchema = z.object({ code: z.string(), name: z.string() });

export const myInsuranceSchema = z.object({
  fullName: z.string(),
  policies: z.array(
    z.object({
      number: z.string(),
      validFrom: z.iso.date(),
      validTo: z.iso.date(),
      active: z.boolean(),
      program: z.object({
        name: z.string(),
        description: z.string(),
        insurer: z.string(),
        covered: z.array(z.string()),
        excluded: z.array(z.string()),
        needsApproval: z.array(z.string()),
        annualLimit: z.number().int().nullable(),
        annualLeft: z.number().int().nullable(),
        franchisePercent: z.number().int(),
        anyClinic: z.boolean(),
        accessTypes: z.array(z.enum(['letter', 'reimbursement'])),
        clinics: z.array(z.object({ name: z.string(), address: z.string().nullable() })),
      }),
    }),
  ),
});
export type MyInsurance = z.infer<typeof myInsuranceSchema>;
