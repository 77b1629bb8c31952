import { moscowDate } from '@remed/core';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { logHealthViews } from '../../platform/view-log.ts';
import { collectPersonData, type PersonDataExport } from './collect-person-data.ts';
import { renderPersonDataPdf } from './person-data-pdf.ts';
import { type PersonRow, personById } from './personal-data.queries.ts';
import { assertAdmin, ownPerson } from './personal-data-access.ts';

type ExportFormat = 'json' | 'pdf';
type ExportDeps = Pick<AppDeps, 'database' | 'clock' | 'config'>;
type ExportFile = { content: Buffer; fileName: string; contentType: string };

/** The signed-in person's own data as a file. */
export async function exportMyData(
  deps: ExportDeps,
  actor: Actor,
  format: ExportFormat,
): Promise<ExportFile> {
  return exportFile(deps, actor, await ownPerson(deps.database.db, actor), format, null);
}

/** A person's data as a file for the admin answering their written request (`basis` names it). */
export async function exportPersonData(
  deps: ExportDeps,
  actor: Actor,
  personId: string,
  format: ExportFormat,
  basis: string,
): Promise<ExportFile> {
  assertAdmin(actor);
  return exportFile(deps, actor, await personById(deps.database.db, personId), format, basis);
}

/** Each export is in the audit log; an export by the admin is also a view of the person's health data. */
async function exportFile(
  deps: ExportDeps,
  actor: Actor,
  person: PersonRow,
  format: ExportFormat,
  basis: string | null,
): Promise<ExportFile> {
  const { database, clock, config } = deps;
  const now = clock.now();
  const party = config.serviceParty;
  const data: PersonDataExport = await collectPersonData(database.db, person, now, {
    name: party.name,
    inn: party.inn,
    address: party.address,
    email: party.email,
    phone: party.phone,
  });
  const content =
    format === 'json' ? Buffer.from(JSON.stringify(data, null, 2), 'utf8') : await renderPersonDataPdf(data);
  const self = actor.user?.id === person.userId;
  await writeAudit(database.db, clock, actor, {
    action: 'personal_data.exported',
    entityType: 'insured_person',
    entityId: person.id,
    after: { format, by: self ? 'self' : 'admin', basis },
  });
  if (!self)
    await logHealthViews(deps, actor, 'person.export', [
      ...data.letters.map((l) => ({
        insuredPersonId: person.id,
        recordType: 'letter' as const,
        recordId: l.id,
        recordLabel: l.number,
      })),
      ...data.claims.map((c) => ({
        insuredPersonId: person.id,
        recordType: 'claim' as const,
        recordId: c.id,
      })),
    ]);
  return {
    content,
    fileName: `personal-data-${moscowDate(now)}.${format}`,
    contentType: format === 'json' ? 'application/json; charset=utf-8' : 'application/pdf',
  };
}
