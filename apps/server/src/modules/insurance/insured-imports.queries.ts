import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { insuredImports } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { loadProgramFor } from './programs.queries.ts';

export type ImportRow = typeof insuredImports.$inferSelect;

export function importView(r: ImportRow) {
  return {
    id: r.id,
    programId: r.programId,
    fileName: r.fileName,
    mode: r.mode,
    detachMissing: r.detachMissing,
    status: r.status,
    totalRows: r.totalRows,
    processedRows: r.processedRows,
    created: r.created,
    updated: r.updated,
    detached: r.detached,
    errorRows: r.errorRows,
    issues: r.issues.slice(0, 200),
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/** An import of a program the user may see; any other is «not found». */
export async function loadImportFor(db: DbOrTx, actor: Actor, id: string): Promise<ImportRow> {
  const [r] = await db.select().from(insuredImports).where(eq(insuredImports.id, id));
  if (!r) throw new AppError('NOT_FOUND', 'Загрузка не найдена');
  await loadProgramFor(db, actor, r.programId);
  return r;
}
