import { z } from 'zod';

/** Registry states of a company or bank as the directory reports them. */
export const organisationStatusSchema = z.enum([
  'active',
  'liquidating',
  'liquidated',
  'bankrupt',
  'reorganizing',
]);

/** A company's registry identity: its numbers, names and legal address, as the ЕГРЮЛ has them. */
export const partyIdentityShape = {
  inn: z.string(),
  kpp: z.string().nullable(),
  ogrn: z.string().nullable(),
  name: z.string(),
  shortName: z.string(),
  address: z.string().nullable(),
};

/** A company by ИНН, as the forms that fill themselves receive it (`GET /api/directory/party/:inn`). */
export const directoryPartySchema = z.object({
  ...partyIdentityShape,
  head: z.object({ name: z.string(), post: z.string() }).nullable(),
  status: organisationStatusSchema,
  type: z.enum(['legal', 'individual']),
});
export type DirectoryParty = z.infer<typeof directoryPartySchema>;

/** A bank by БИК (`GET /api/directory/bank/:bik`). */
export const directoryBankSchema = z.object({
  bik: z.string(),
  name: z.string(),
  correspondentAccount: z.string().nullable(),
  address: z.string().nullable(),
  status: organisationStatusSchema,
});
export type DirectoryBank = z.infer<typeof directoryBankSchema>;
