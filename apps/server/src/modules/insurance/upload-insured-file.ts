import { insuredImports } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { INSURED_IMPORT_QUEUE } from './import-insured-file.ts';
import { importView } from './insured-imports.queries.ts';
import { loadProgramFor } from './programs.queries.ts';
import { formatOf } from './table-files.ts';

/** Stores the uploaded list of a program's insured people and queues its import. */
export async function uploadInsuredFile(
  deps: Pick<AppDeps, 'database' | 'clock' | 'ids' | 'storage' | 'jobs'>,
  actor: Actor,
  programId: string,
  file: { fileName: string; content: Buffer },
  mode: 'all_or_nothing' | 'valid_rows',
  detachMissing = true,
) {
  const { database, clock, ids, storage } = deps;
  const format = formatOf(file.fileName);
  const program = await loadProgramFor(database.db, actor, programId);
  if (!file.content.length)
    throw new AppError('VALIDATION_FAILED', 'Файл пустой', { fields: { file: 'Файл пустой' } });
  const id = ids.uuid();
  const storageKey = `imports/${id}/source.${format}`;
  await storage.put(storageKey, file.content);
  const row = await database.db.transaction(async (tx) => {
    const [r] = await tx
      .insert(insuredImports)
      .values({
        id,
        programId: program.program.id,
        fileName: file.fileName,
        storageKey,
        mode,
        detachMissing,
        status: 'queued',
        createdBy: actor.user!.id,
        createdAt: clock.now(),
      })
      .returning();
    await writeAudit(tx, clock, actor, {
      action: 'insured_import.created',
      entityType: 'insured_import',
      entityId: id,
      after: { fileName: file.fileName, mode, detachMissing, programId },
    });
    return r!;
  });
  await deps.jobs.send(INSURED_IMPORT_QUEUE, { id });
  return importView(row);
}
