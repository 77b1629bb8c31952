import { z } from 'zod';
import { letterStatusSchema } from './console.schemas.ts';

/** An optional period of days; either end may be left open. */
const period = {
  from: z.iso.date('Дата в формате ГГГГ-ММ-ДД').optional(),
  to: z.iso.date('Дата в формате ГГГГ-ММ-ДД').optional(),
};
const search = z.string().trim().max(100, 'Не длиннее 100 символов').optional();
const paging = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
const periodInOrder = (v: { from?: string | undefined; to?: string | undefined }) =>
  !v.from || !v.to || v.from <= v.to;
const periodMessage = { message: 'Конец периода раньше начала', path: ['to'] };

/**
 * The attachment list of a clinic: insured people of the programs that include the clinic. «Attached» while the
 * policy runs (or will start), «detached» once it was detached or ended. The period selects by the date of
 * attachment, of detachment, or of either when both states are shown.
 */
export const attachmentStateSchema = z.enum(['attached', 'detached', 'all']);
export type AttachmentState = z.infer<typeof attachmentStateSchema>;

const patientsFilter = {
  programId: z.uuid('Неверная программа').optional(),
  state: attachmentStateSchema.default('all'),
  ...period,
  q: search,
};
export const clinicPatientsFilterSchema = z.object(patientsFilter).refine(periodInOrder, periodMessage);
export const clinicPatientsQuerySchema = z
  .object({ ...patientsFilter, ...paging })
  .refine(periodInOrder, periodMessage);
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
const lettersFilter = {
  status: letterStatusSchema.optional(),
  ...period,
  q: search,
};
export const clinicLettersFilterSchema = z.object(lettersFilter).refine(periodInOrder, periodMessage);
export const clinicLettersQuerySchema = z
  .object({ ...lettersFilter, ...paging })
  .refine(periodInOrder, periodMessage);
export type ClinicLettersFilter = z.input<typeof clinicLettersFilterSchema>;

export const tableFormatSchema = z.enum(['xlsx', 'csv']);
