import { z } from 'zod';
import { isoDateInput } from './list-query.schemas.ts';

/** The bonus program allows 2–10 % cashback, whole percents. */
export const CASHBACK_MIN = 2;
export const CASHBACK_MAX = 10;

export const cashbackChangeSchema = z.object({
  percent: z
    .number({ error: 'Укажите процент кэшбэка числом' })
    .int('Кэшбэк — целое число процентов')
    .min(CASHBACK_MIN, `Кэшбэк не меньше ${CASHBACK_MIN} %`)
    .max(CASHBACK_MAX, `Кэшбэк не больше ${CASHBACK_MAX} %`),
  validFrom: isoDateInput,
});
export type CashbackChange = z.infer<typeof cashbackChangeSchema>;

export const cashbackPeriodSchema = z.object({
  percent: z.number().int(),
  validFrom: z.iso.date(),
  /** The day before the next change; null while it lasts. */
  validTo: z.iso.date().nullable(),
});

export const cashbackViewSchema = z.object({
  /** The clinic's «today» (Moscow), the earliest day a change may start. */
  today: z.iso.date(),
  current: cashbackPeriodSchema.nullable(),
  /** Changes that start after today, soonest first; each can be cancelled. */
  scheduled: z.array(cashbackPeriodSchema),
  /** Periods that have started, newest first (the current one included). */
  history: z.array(cashbackPeriodSchema),
});
export type CashbackView = z.infer<typeof cashbackViewSchema>;
