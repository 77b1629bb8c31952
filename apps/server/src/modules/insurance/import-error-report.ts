import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { loadImportFor } from './insured-imports.queries.ts';
import { type TableFormat, writeTable } from './table-files.ts';

/** The problems an upload found, one per line: row, column, problem. */
export async function importErrorReport(
  deps: Pick<AppDeps, 'database'>,
  actor: Actor,
  id: string,
  format: TableFormat,
) {
  const r = await loadImportFor(deps.database.db, actor, id);
  return writeTable(
    format,
    'Ошибки',
    ['Строка', 'Столбец', 'Ошибка'],
    r.issues.map((i) => [i.row, i.column, i.problem]),
  );
}
