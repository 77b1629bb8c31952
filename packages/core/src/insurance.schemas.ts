import { z } from 'zod';

export const programViewSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  contract: z.object({ id: z.uuid(), number: z.string(), validFrom: z.iso.date(), validTo: z.iso.date() }),
  insurer: z.object({ id: z.uuid(), name: z.string() }),
  policyholder: z.object({ id: z.uuid(), name: z.string() }),
  coveredPrefixes: z.array(z.string()),
  coveredCodes: z.array(z.string()),
  exclusionPrefixes: z.array(z.string()),
  approvalPrefixes: z.array(z.string()),
  annualLimit: z.number().int().nullable(),
  groupLimits: z.array(z.object({ prefix: z.string(), name: z.string(), limit: z.number().int() })),
  franchisePercent: z.number().int(),
  anyClinic: z.boolean(),
  clinicsMayJoin: z.boolean(),
  accessTypes: z.array(z.enum(['letter', 'reimbursement'])),
  activePolicies: z.number().int(),
});
export type ProgramView = z.infer<typeof programViewSchema>;

export const importIssueSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  problem: z.string(),
  /** Set when the file as a whole was refused: the error code of the reason (TABLE_TOO_MANY_ROWS …). */
  code: z.string().optional(),
});

export const insuredImportViewSchema = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  fileName: z.string(),
  mode: z.enum(['all_or_nothing', 'valid_rows']),
  detachMissing: z.boolean(),
  status: z.enum(['queued', 'running', 'done', 'rejected', 'failed']),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  detached: z.number().int(),
  errorRows: z.number().int(),
  issues: z.array(importIssueSchema),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type InsuredImportView = z.infer<typeof insuredImportViewSchema>;

export const insuredPersonViewSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  birthDate: z.iso.date(),
  sex: z.enum(['male', 'female']),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  registered: z.boolean(),
  policyNumber: z.string(),
  validFrom: z.iso.date(),
  validTo: z.iso.date(),
  detachedOn: z.iso.date().nullable(),
});
export type InsuredPersonView = z.infer<typeof insuredPersonViewSchema>;
