import { z } from 'zod';

export const visitRatingSchema = z.object({
  stars: z
    .number({ error: 'Поставьте оценку от 1 до 5 звёзд' })
    .int('Оценка — целое число звёзд')
    .min(1, 'Поставьте оценку от 1 до 5 звёзд')
    .max(5, 'Поставьте оценку от 1 до 5 звёзд'),
  comment: z
    .string()
    .trim()
    .max(1000, 'Комментарий не длиннее 1000 символов')
    .transform((s) => s || null)
    .nullable()
    .optional(),
});
export type VisitRatingInput = z.input<typeof visitRatingSchema>;

export const complaintSchema = z.object({
  text: z
    .string()
    .trim()
    .min(10, 'Опишите, что случилось, хотя бы в одном предложении')
    .max(2000, 'Не длиннее 2000 символов'),
});

export const complaintDecisionSchema = z.object({
  justified: z.boolean({ error: 'Выберите: жалоба обоснована или нет' }),
  reason: z.string().trim().min(3, 'Укажите причину решения').max(1000, 'Не длиннее 1000 символов'),
});

export const COMPLAINT_STATUSES = ['new', 'justified', 'unjustified'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_TITLES: Record<ComplaintStatus, string> = {
  new: 'На рассмотрении',
  justified: 'Обоснована',
  unjustified: 'Не обоснована',
};

const complaintOwnViewSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  decisionReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});

/** What the insured person sees under a claim: their rating and complaint, and what they may still do. */
export const claimFeedbackViewSchema = z.object({
  canRate: z.boolean(),
  canComplain: z.boolean(),
  rating: z
    .object({ stars: z.number().int(), comment: z.string().nullable(), createdAt: z.iso.datetime() })
    .nullable(),
  complaint: complaintOwnViewSchema.nullable(),
});
export type ClaimFeedbackView = z.infer<typeof claimFeedbackViewSchema>;

/** A complaint as the console doctor sees it: with the person and the receipt it is about. */
export const complaintViewSchema = complaintOwnViewSchema.extend({
  clinic: z.object({ id: z.uuid(), name: z.string() }),
  insuredName: z.string(),
  policyNumber: z.string().nullable(),
  claimId: z.uuid(),
  letterNumber: z.string(),
  receiptSum: z.number().int(),
  receiptDateTime: z.string(),
  decidedBy: z.string().nullable(),
});
export type ComplaintView = z.infer<typeof complaintViewSchema>;

const part = { weight: z.number(), score: z.number(), points: z.number() };

export const ratingComponentsSchema = z.object({
  satisfaction: z.object({
    ...part,
    ratings: z.number().int(),
    average: z.number().nullable(),
    adjustedAverage: z.number(),
    networkAverage: z.number(),
  }),
  complaints: z.object({
    ...part,
    justified: z.number().int(),
    visits: z.number().int(),
    rate: z.number().nullable(),
    adjustedRate: z.number(),
  }),
  price: z.object({
    ...part,
    codes: z.number().int(),
    index: z.number().nullable(),
    adjustedIndex: z.number(),
  }),
  cashback: z.object({ ...part, percent: z.number().int() }),
  extras: z.object({
    ...part,
    withExtras: z.number().int(),
    receipts: z.number().int(),
    share: z.number().nullable(),
    adjustedShare: z.number(),
  }),
});
export type RatingComponents = z.infer<typeof ratingComponentsSchema>;

export const clinicRatingViewSchema = z.object({
  clinicId: z.uuid(),
  /** Null until the first computation. */
  rating: z.number().nullable(),
  place: z.number().int().nullable(),
  of: z.number().int().nullable(),
  computedAt: z.iso.datetime().nullable(),
  components: ratingComponentsSchema.nullable(),
  /** Ratings of earlier days, oldest first, for the trend. */
  history: z.array(z.object({ day: z.iso.date(), rating: z.number(), place: z.number().int() })),
});
export type ClinicRatingView = z.infer<typeof clinicRatingViewSchema>;

/** Visit ratings and complaints as the clinic sees them: counts and comments, never who wrote them. */
export const clinicFeedbackViewSchema = z.object({
  ratings: z.object({
    count: z.number().int(),
    average: z.number().nullable(),
    /** How many ratings of 1, 2, 3, 4 and 5 stars. */
    distribution: z.array(z.number().int()).length(5),
  }),
  complaints: z.object({
    total: z.number().int(),
    pending: z.number().int(),
    justified: z.number().int(),
    unjustified: z.number().int(),
  }),
  comments: z.array(z.object({ stars: z.number().int(), comment: z.string(), createdAt: z.iso.datetime() })),
});
export type ClinicFeedbackView = z.infer<typeof clinicFeedbackViewSchema>;
