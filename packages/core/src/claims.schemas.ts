import { z } from 'zod';
import { phoneSchema } from './auth.schemas.ts';

/** Where a claim is in its life; the server's table, its CHECK constraint and the pages all use this list. */
export const CLAIM_STATUSES = [
  'waiting_receipt',
  'manual_review',
  'approved',
  'partially_approved',
  'rejected',
  'payout_pending',
  'paid',
  'payout_failed',
  'clawback',
] as const;
export const claimStatusSchema = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof claimStatusSchema>;

/** How the receipt reached us: the camera's QR, a photo read on the server, or fields typed by hand. */
export const CLAIM_SOURCES = ['camera', 'photo', 'manual'] as const;
export type ClaimSource = (typeof CLAIM_SOURCES)[number];

/** One attempt to pay a claim by СБП: written before the provider is called, final once. */
export const PAYOUT_STATUSES = ['created', 'pending', 'succeeded', 'canceled'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

export const submitClaimSchema = z.object({
  letterId: z.uuid('Выберите гарантийное письмо'),
  qr: z.string().trim().min(10, 'Отсканируйте QR-код или введите данные чека').max(1000),
  source: z.enum(CLAIM_SOURCES).default('manual'),
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
    z.object({
      /** Index of the receipt item. */
      item: z.number().int(),
      /** The letter line the item was matched to (by the engine or the reviewer), if any. */
      letterLine: z.number().int().nullable(),
      name: z.string(),
      quantity: z.number(),
      paid: z.number().int(),
      approved: z.number().int(),
      text: z.string(),
    }),
  ),
  payout: z
    .object({
      status: z.enum(PAYOUT_STATUSES),
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

/** A reviewer's word on one receipt item: its letter line (null: not in the letter) and, to lower it, an amount. */
export const reviewedLineSchema = z.object({
  item: z.number().int().min(0),
  letterLine: z.number().int().positive().nullable(),
  approved: z.number().int('Сумма в копейках').min(0, 'Сумма не может быть отрицательной').optional(),
});

export const reviewDecisionSchema = z
  .object({
    action: z.enum(['approve', 'reject']),
    lines: z.array(reviewedLineSchema).max(500).optional(),
    note: z.string().trim().min(3, 'Укажите причину решения').max(1000),
  })
  .refine((d) => d.action === 'reject' || (d.lines?.length ?? 0) > 0, {
    message: 'Укажите решение по каждой позиции чека',
    path: ['lines'],
  });

export const reviewPreviewSchema = z.object({ lines: z.array(reviewedLineSchema).min(1).max(500) });
export const reviewPreviewResultSchema = z.object({
  status: z.enum(['approved', 'partially_approved', 'manual_review', 'rejected']),
  reasons: z.array(z.string()),
  reimbursement: z.number().int(),
  cashback: z.number().int(),
  summary: z.string(),
  lines: z.array(z.object({ item: z.number().int(), approved: z.number().int(), text: z.string() })),
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

/** Money an insured person sent back to settle a clawback, recorded by staff. */
export const repaymentSchema = z.object({
  amount: z.number().int('Сумма в копейках').min(1, 'Сумма должна быть больше нуля'),
  note: z.string().trim().min(3, 'Укажите, откуда деньги: номер и дата платёжного поручения').max(500),
});

/** What an insured person owes after a clinic's refund, and where to send it if they repay by transfer. */
export const repaymentDetailsSchema = z.object({
  debt: z.number().int().min(0),
  recipient: z.object({
    name: z.string(),
    inn: z.string(),
    kpp: z.string(),
    bankName: z.string(),
    bik: z.string(),
    settlementAccount: z.string(),
    correspondentAccount: z.string(),
  }),
  purpose: z.string(),
});
export type RepaymentDetails = z.infer<typeof repaymentDetailsSchema>;

/** A person's decision on a payout the provider could not account for, from the provider's own statement. */
export const payoutReviewDecisionSchema = z.object({
  outcome: z.enum(['paid', 'not_paid'], 'Отметьте, ушли ли деньги'),
  note: z
    .string()
    .trim()
    .min(3, 'Укажите, по какому документу решили: выписка ЮKassa, номер операции')
    .max(500, 'Не длиннее 500 символов'),
});
export type PayoutReviewDecision = z.infer<typeof payoutReviewDecisionSchema>;

export const payoutReviewItemSchema = z.object({
  id: z.uuid(),
  claimId: z.uuid(),
  insuredPersonId: z.uuid(),
  amount: z.number().int(),
  phone: z.string(),
  bankId: z.string(),
  idempotenceKey: z.string(),
  providerId: z.string().nullable(),
  reason: z.string(),
  createdAt: z.string(),
  reviewRequestedAt: z.string(),
});
export type PayoutReviewItem = z.infer<typeof payoutReviewItemSchema>;
