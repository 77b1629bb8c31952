import { z } from 'zod';

/** A program a clinic is in, or may join itself: what the clinic needs to decide. */
export const clinicProgramSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  insurer: z.string(),
  policyholder: z.string(),
  validTo: z.iso.date(),
  franchisePercent: z.number().int(),
  coveredPrefixes: z.array(z.string()),
  activePolicies: z.number().int(),
  joined: z.boolean(),
  /** Programs the insurer opened to clinics; the others were assigned by the insurer. */
  open: z.boolean(),
});
export type ClinicProgram = z.infer<typeof clinicProgramSchema>;

export const clinicProgramsSchema = z.object({
  /** What joining needs, so the page can say what is missing before the button is pressed. */
  ready: z.object({ contractSigned: z.boolean(), priceList: z.boolean() }),
  programs: z.array(clinicProgramSchema),
});
export type ClinicPrograms = z.infer<typeof clinicProgramsSchema>;

export const programJoiningSchema = z.object({ clinicsMayJoin: z.boolean() });
