import { z } from 'zod';
import { monthInput, optionalPeriod } from './list-query.schemas.ts';

/** The longest period one report covers. */
export const REPORT_MAX_MONTHS = 36;

export const reportQuerySchema = z.object(optionalPeriod(monthInput));

export const reportRowSchema = z.object({
  /** YYYY-MM */
  month: z.string(),
  /** Different insured people with a receipt at the clinic that month. */
  patients: z.number().int(),
  receipts: z.number().int(),
  /** What insured people paid at the till on receipts that were approved (in full or in part). */
  paid: z.number().int(),
  reimbursed: z.number().int(),
  /** Cashback the clinic owes for those receipts under its bonus program. */
  cashback: z.number().int(),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const monthlyReportSchema = z.object({
  clinic: z.object({ id: z.uuid(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  months: z.array(reportRowSchema),
  /** Patients over the whole period are counted once each, not summed over months. */
  total: reportRowSchema.omit({ month: true }),
});
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;
