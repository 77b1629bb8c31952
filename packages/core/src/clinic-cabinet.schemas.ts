import { z } from 'zod';
import { letterStatusSchema } from './console.schemas.ts';
import { endNotBeforeStart, isoDateInput, offsetPaging, optionalPeriod } from './list-query.schemas.ts';

const period = optionalPeriod(isoDateInput);
const search = z.string().trim().max(100, 'Не длиннее 100 символов').optional();
const paging = offsetPaging(200, 50);
const periodInOrder = endNotBeforeStart('from', 'to');

/** A list's own filter fields plus a period and a search: the filter the page holds, and the query for one page. */
function filterAndQuery<S extends z.ZodRawShape>(own: S) {
  const filter = { ...own, ...period, q: search };
  return {
    filter: z.object(filter).refine(...periodInOrder),
    query: z.object({ ...filter, ...paging }).refine(...periodInOrder),
  };
}

/**
 * The attachment list of a clinic: insured people of the programs that include the clinic. «Attached» while the
 * policy runs (or will start), «detached» once it was detached or ended. The period selects by the date of
 * attachment, of detachment, or of either when both states are shown.
 */
export const attachmentStateSchema = z.enum(['attached', 'detached', 'all']);
export type AttachmentState = z.infer<typeof attachmentStateSchema>;

const patients = filterAndQuery({
  programId: z.uuid('Неверная программа').optional(),
  state: attachmentStateSchema.default('all'),
});
export const clinicPatientsFilterSchema = patients.filter;
export const clinicPatientsQuerySchema = patients.query;
export type ClinicPatientsFilter = z.input<typeof clinicPatientsFilterSchema>;

/** Only what the clinic needs to receive a patient (152-ФЗ: no phone, e-mail or health data here). */
export const clinicPatientViewSchema = z.object({
  policyId: z.uuid(),
  fullName: z.string(),
  birthDate: z.iso.date(),
  policyNumber: z.string(),
  program: z.object({ id: z.uuid(), name: z.string() }),
  insurerName: z.string(),
  attachedOn: z.iso.date(),
  detachedOn: z.iso.date().nullable(),
  state: z.enum(['attached', 'detached']),
});
export type ClinicPatientView = z.infer<typeof clinicPatientViewSchema>;

export const clinicProgramOptionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  insurerName: z.string(),
});

/** Guarantee letters addressed to one clinic: by state, by the day of issue, by number, patient or policy. */
const letters = filterAndQuery({
  status: letterStatusSchema.optional(),
});
export const clinicLettersFilterSchema = letters.filter;
export const clinicLettersQuerySchema = letters.query;
export type ClinicLettersFilter = z.input<typeof clinicLettersFilterSchema>;

export const tableFormatSchema = z.enum(['xlsx', 'csv']);
