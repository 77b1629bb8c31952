import { z } from 'zod';
import { isoDateInput } from './list-query.schemas.ts';
import { PRICE_LIST_COLUMNS, type PriceListColumnKey } from './price-lists/columns.ts';
import { checkPriceRow, PRICE_ROW_LIMITS } from './price-lists/validate.ts';

const columnKeys = PRICE_LIST_COLUMNS.map((c) => c.key) as [PriceListColumnKey, ...PriceListColumnKey[]];

export const priceListIssueSchema = z.object({
  row: z.number().int().nullable(),
  rowId: z.uuid().nullable(),
  field: z.enum(columnKeys).nullable(),
  column: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
  code: z.string().optional(),
});
export type PriceListIssueView = z.infer<typeof priceListIssueSchema>;

export const PRICE_LIST_STATUSES = ['draft', 'published', 'superseded'] as const;
export type PriceListStatus = (typeof PRICE_LIST_STATUSES)[number];
export const PRICE_LIST_IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type PriceListImportStatus = (typeof PRICE_LIST_IMPORT_STATUSES)[number];

export const priceListVersionSchema = z.object({
  id: z.uuid(),
  clinicId: z.uuid(),
  number: z.number().int(),
  status: z.enum(PRICE_LIST_STATUSES),
  /** A published version applies from this date until the next published version's date (effectiveTo + 1). */
  effectiveFrom: z.iso.date().nullable(),
  effectiveTo: z.iso.date().nullable(),
  inForce: z.boolean(),
  source: z.enum(['file', 'editor', 'migration']),
  sourceFileName: z.string().nullable(),
  basedOnNumber: z.number().int().nullable(),
  author: z.string().nullable(),
  createdAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
  publishedBy: z.string().nullable(),
  import: z.object({
    status: z.enum(PRICE_LIST_IMPORT_STATUSES),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
  }),
  rowCount: z.number().int(),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
});
export type PriceListVersionView = z.infer<typeof priceListVersionSchema>;

export const priceListVersionDetailSchema = priceListVersionSchema.extend({
  /** The first issues of the report, errors first; `issuesTotal` counts them all. */
  issues: z.array(priceListIssueSchema),
  issuesTotal: z.number().int(),
  /** The Moscow date today: publishing may not start earlier. */
  today: z.iso.date(),
});
export type PriceListVersionDetail = z.infer<typeof priceListVersionDetailSchema>;

export const priceListOverviewSchema = z.object({
  today: z.iso.date(),
  currentId: z.uuid().nullable(),
  versions: z.array(priceListVersionSchema),
});
export type PriceListOverview = z.infer<typeof priceListOverviewSchema>;

export const priceListRowSchema = z.object({
  id: z.uuid(),
  line: z.number().int(),
  clinicCode: z.string(),
  serviceCode: z.string(),
  name: z.string(),
  price: z.number().int().nullable(),
  priceText: z.string(),
  note: z.string().nullable(),
  issues: z.array(priceListIssueSchema.pick({ field: true, column: true, message: true, severity: true })),
});
export type PriceListRowView = z.infer<typeof priceListRowSchema>;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A row typed in the editor, checked by the same rules as a row of an uploaded file: an error is a field
 * error (the row is not saved), a warning is not (the editor shows it beside the row).
 */
export const priceRowInputSchema = z
  .object({
    clinicCode: z.string().max(PRICE_ROW_LIMITS.clinicCode * 2),
    serviceCode: z.string().max(PRICE_ROW_LIMITS.serviceCode * 2),
    name: z.string().max(PRICE_ROW_LIMITS.name * 2),
    price: z.string().max(PRICE_ROW_LIMITS.price * 2),
    note: z
      .string()
      .max(PRICE_ROW_LIMITS.note * 2)
      .nullish(),
  })
  .superRefine((row, ctx) => {
    for (const issue of checkPriceRow(row).issues) {
      if (issue.severity === 'error' && issue.field)
        ctx.addIssue({ code: 'custom', path: [issue.field], message: capital(issue.message) });
    }
  });
export type PriceRowInputBody = z.infer<typeof priceRowInputSchema>;

export const publishPriceListSchema = z.object({
  effectiveFrom: isoDateInput,
});

export const createPriceListDraftSchema = z.object({
  /** Copy this version's rows into the new draft; without it the draft starts empty. */
  fromVersionId: z.uuid().nullish(),
});

export const priceListDiffEntrySchema = z.object({
  kind: z.enum(['added', 'removed', 'changed']),
  serviceCode: z.string(),
  clinicCode: z.string(),
  name: z.string(),
  oldName: z.string().nullable(),
  oldPrice: z.number().int().nullable(),
  newPrice: z.number().int().nullable(),
  percent: z.number().nullable(),
  renamed: z.boolean(),
  priceChanged: z.boolean(),
});

export const priceListDiffSchema = z.object({
  /** The version compared against: the published one in force just before this one; null for the first. */
  base: z
    .object({ id: z.uuid(), number: z.number().int(), effectiveFrom: z.iso.date().nullable() })
    .nullable(),
  added: z.number().int(),
  removed: z.number().int(),
  priceChanged: z.number().int(),
  renamed: z.number().int(),
  unchanged: z.number().int(),
  /** Draft rows left out of the comparison because their code or price cannot be read yet. */
  skippedRows: z.number().int(),
  entries: z.array(priceListDiffEntrySchema),
  truncated: z.boolean(),
});
export type PriceListDiffView = z.infer<typeof priceListDiffSchema>;
