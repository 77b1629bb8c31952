import { z } from 'zod';

/** Figures for the home page: the admin's health of the service, a clinic user's own clinics. */
export const homeSummarySchema = z.object({
  admin: z
    .object({
      users: z.number().int(),
      blockedUsers: z.number().int(),
      activeSessions: z.number().int(),
      outboxPending: z.number().int(),
      auditToday: z.number().int(),
    })
    .optional(),
  clinics: z.array(z.object({ id: z.uuid(), name: z.string(), priceItems: z.number().int() })).optional(),
});
export type HomeSummary = z.infer<typeof homeSummarySchema>;
