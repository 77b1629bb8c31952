import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { priceListVersions } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { formatOf } from '../insurance/table-files.ts';
import { PRICE_LIST_IMPORT_QUEUE } from './import-price-list-file.ts';
import { insertDraftVersion, lockClinic } from './price-list-versions.queries.ts';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Refuses, before anything is stored, what cannot be a price list at all. */
function sniff(fileName: string, content: Buffer) {
  const format = formatOf(fileName);
  const bad = (message: string) => new AppError('VALIDATION_FAILED', message, { fields: { file: message } });
  if (!content.length) throw bad('Файл пустой');
  if (format === 'xlsx' && !content.subarray(0, 4).equals(ZIP))
    throw bad('Это не таблица XLSX. Сохраните файл в Excel как «Книга Excel (.xlsx)» или как CSV');
  if (format === 'csv' && content.subarray(0, 8192).includes(0))
    throw bad('Это не текстовый файл CSV. Сохраните таблицу как «CSV (разделители — точка с запятой)»');
  return format;
}

/**
 * Upload of a price list file: the request stores the file and a draft version, and a job reads, checks and
 * writes the rows (import-price-list-file.ts). Returns the version and whether it is new: the same file
 * uploaded again finds its open draft.
 */
export async function uploadPriceList(
  deps: Pick<AppDeps, 'database' | 'clock' | 'ids' | 'storage' | 'jobs'>,
  actor: Actor,
  clinicId: string,
  file: { fileName: string; content: Buffer },
) {
  assertClinicAccess(actor, clinicId);
  const { clock, storage } = deps;
  const format = sniff(file.fileName, file.content);
  const sha256 = crypto.createHash('sha256').update(file.content).digest('hex');
  const id = deps.ids.uuid();
  const storageKey = `price-lists/${id}/source.${format}`;
  await storage.put(storageKey, file.content);
  const found = await deps.database.db.transaction(async (tx) => {
    await lockClinic(tx, clinicId);
    const [same] = await tx
      .select()
      .from(priceListVersions)
      .where(
        and(
          eq(priceListVersions.clinicId, clinicId),
          eq(priceListVersions.status, 'draft'),
          eq(priceListVersions.fileSha256, sha256),
          inArray(priceListVersions.importStatus, ['queued', 'running', 'done']),
        ),
      );
    if (same) return same;
    const number = await insertDraftVersion(tx, {
      id,
      clinicId,
      source: 'file',
      sourceFileName: file.fileName.slice(0, 255),
      storageKey,
      fileSha256: sha256,
      importStatus: 'queued',
      createdBy: actor.user!.id,
      createdAt: clock.now(),
    });
    await writeAudit(tx, clock, actor, {
      action: 'price_list.uploaded',
      entityType: 'price_list_version',
      entityId: id,
      after: { clinicId, number, fileName: file.fileName, sha256 },
    });
    return null;
  });
  if (found) {
    await storage.delete(storageKey);
    return { id: found.id, created: false };
  }
  await deps.jobs.send(PRICE_LIST_IMPORT_QUEUE, { id });
  return { id, created: true };
}
