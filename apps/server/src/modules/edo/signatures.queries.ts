import type { SignatureView } from '@remed/core';
import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { edoSignatures } from '../../db/schema/index.ts';

const signatureView = (s: typeof edoSignatures.$inferSelect): SignatureView => ({
  side: s.side,
  signerName: s.signerName,
  signerPost: s.signerPost,
  signedAt: s.signedAt.toISOString(),
  documentSha256: s.documentSha256,
  codeId: s.otpCodeId,
});

/** The signatures of each contract (or each document), oldest first. */
export async function signaturesOf(db: DbOrTx, column: 'contractId' | 'documentId', ids: string[]) {
  if (!ids.length) return new Map<string, SignatureView[]>();
  const rows = await db
    .select()
    .from(edoSignatures)
    .where(inArray(edoSignatures[column], ids))
    .orderBy(asc(edoSignatures.signedAt));
  const byId = new Map<string, SignatureView[]>();
  for (const r of rows) {
    const key = r[column]!;
    byId.set(key, [...(byId.get(key) ?? []), signatureView(r)]);
  }
  return byId;
}
