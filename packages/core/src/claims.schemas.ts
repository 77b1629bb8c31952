import { z } from 'zod';
import { phoneSchema } from './auth.schemas.ts';

export const claimStatusSchema = z.enum([
  'waiting_receipt',
  'manual_review',
  'approved',
  'partially_approved',
  'rejected',
  'payout_pending',
  'paid',
  'payout_failed',
  'clawback',
]);

export const submitClaimSchema = z.object({
  letterId: z.uuid('Выберите гарантийное письмо'),
  qr: z.string().trim().min(10, 'Отсканируйте QR-код или введите данные чека').max(1000),
  source: z.enum(['camera', 'photo', 'manual']).default('manual'),
});

export const claimViewSchema = z.object({
  id: z.uuid(),
  letterId: z.uuid(),
  letterNumber: z.string(),
  clinicName: z.string(),
  receipt: z.string(),
  dateTime: z.string(),
  sum: z.number().int(),
  status: claimStatusSchema,
  statusTitle: z.string(),
  reasons: z.array(z.string()),
  reimbursement: z.number().int(),
  cashback: z.number().int(),
  summary: z.string().nullable(),
  lines: z.array(
    z.object({ name: z.string(), paid: z.number().int(), approved: z.number().int(), text: z.string() }),
  ),
  payout: z
    .object({
      status: z.enum(['created', 'pending', 'succeeded', 'canceled']),
      amount: z.number().int(),
      advice: z.string().nullable(),
    })
    .nullable(),
  createdAt: z.iso.datetime(),
});
export type ClaimView = z.infer<typeof claimViewSchema>;

export const payoutDetailsSchema = z.object({
  phone: phoneSchema,
  bankId: z.string().regex(/^\d{12}$/, 'Выберите банк'),
});
export const payoutDetailsViewSchema = z.object({
  phone: z.string().nullable(),
  bankId: z.string().nullable(),
  bankName: z.string().nullable(),
});
export const sbpBankSchema = z.object({ bankId: z.string(), name: z.string(), bic: z.string() });

export const reviewDecisionSchema = z.object({
  action: z.enum(['approve', 'reject']),
  reimbursement: z.number().int().min(1).optional(),
  note: z.string().trim().min(3, 'Укажите причину решения').max(1000),
});

export const demoTillRequestSchema = z.object({
  letterId: z.uuid('Выберите гарантийное письмо'),
  overcharge: z.boolean().default(false),
  extraItem: z.boolean().default(false),
  refund: z.boolean().default(false),
  unidentifiedItem: z.boolean().default(false),
});
export const demoTillResponseSchema = z.object({
  qr: z.string(),
  png: z.string(),
  total: z.number().int(),
  items: z.array(
    z.object({ name: z.string(), price: z.number().int(), quantity: z.number(), sum: z.number().int() }),
  ),
});
