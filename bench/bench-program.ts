import type { DbOrTx } from '../apps/server/src/db/client.ts';
import { contracts, insurers, policyholders, programs } from '../apps/server/src/db/schema/index.ts';

/**
 * The insurer, policyholder, contract and program a benchmark's people and clinics hang on; returns the
 * program's id.
 */
export async function insertBenchProgram(
  db: DbOrTx,
  ids: { uuid(): string },
  p: { name: string; validFrom: string; validTo: string; coveredPrefixes?: string[]; createdAt: Date },
): Promise<string> {
  const [insurerId, holderId, contractId, programId] = [ids.uuid(), ids.uuid(), ids.uuid(), ids.uuid()];
  await db.insert(insurers).values({ id: insurerId, name: 'СК', inn: '7701000121' });
  await db.insert(policyholders).values({ id: holderId, name: 'ООО', inn: '7702000340' });
  await db.insert(contracts).values({
    id: contractId,
    insurerId,
    policyholderId: holderId,
    number: '1',
    validFrom: p.validFrom,
    validTo: p.validTo,
    createdAt: p.createdAt,
  });
  await db.insert(programs).values({
    id: programId,
    contractId,
    code: 'B',
    name: p.name,
    ...(p.coveredPrefixes ? { coveredPrefixes: p.coveredPrefixes } : {}),
    accessTypes: ['letter'],
    createdAt: p.createdAt,
  });
  return programId;
}
