import { moscowDate } from '@remed/core';
import { sql } from 'drizzle-orm';
import { sqlRows, type Tx } from '../../db/client.ts';
import { clinicContracts } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { type AgreementShape, fillAgreement, renderAgreement, storeAgreementPdf } from './agreement-text.ts';
import { contractNotices } from './contract-notices.ts';
import { sha256, violatedConstraint } from './edo-files.ts';
import { addEvent } from './history.queries.ts';
import { sideOf } from './sides.ts';

/** A contract or an agreement to draw up: everything but its number, date and clinic. */
type NewAgreement = Omit<AgreementShape, 'number' | 'documentDate' | 'clinicId'>;

async function nextNumber(tx: Tx, kind: 'contract' | 'supplement', day: string) {
  const seq = kind === 'contract' ? 'clinic_contract_number_seq' : 'clinic_supplement_number_seq';
  const [{ n }] = (await sqlRows<{ n: string }>(tx, sql.raw(`select nextval('${seq}')::text as n`))) as [
    { n: string },
  ];
  return `${kind === 'contract' ? 'Д' : 'ДС'}-${day.slice(0, 4)}-${n.padStart(6, '0')}`;
}

/**
 * Numbers, fills and renders a contract or an agreement and keeps it as a draft or sent for the clinic's
 * signature; returns its id. The clinic is told of one sent to it, the service of one the clinic drew up.
 */
export async function drawUpAgreement(
  deps: AppDeps,
  actor: Actor,
  clinicId: string,
  shape: NewAgreement,
  status: 'draft' | 'sent',
): Promise<string> {
  const { database, clock, ids, config } = deps;
  const notices = contractNotices(deps);
  const id = ids.uuid();
  const now = clock.now();
  const day = moscowDate(now);
  const side = actor.user ? sideOf(actor) : 'service';
  try {
    const messageIds = await database.db.transaction(async (tx) => {
      const number = await nextNumber(tx, shape.kind, day);
      const { clinic, content } = await fillAgreement(deps, tx, {
        ...shape,
        number,
        documentDate: day,
        clinicId,
      });
      const pdf = await renderAgreement(deps, content, number, clinic.shortName);
      const pdfSha256 = sha256(pdf);
      await tx.insert(clinicContracts).values({
        ...shape,
        id,
        clinicId,
        number,
        status,
        documentDate: day,
        content,
        pdfKey: await storeAgreementPdf(deps, id, 'original', pdf),
        pdfSha256,
        createdBy: actor.user?.id ?? null,
        createdByName: actor.user?.fullName ?? config.serviceParty.shortName,
        createdBySide: side,
        createdAt: now,
        updatedAt: now,
        sentAt: status === 'sent' ? now : null,
      });
      await addEvent(tx, { id: ids.uuid(), clinicId, contractId: id, action: 'created', actor, at: now });
      if (status === 'sent')
        await addEvent(tx, { id: ids.uuid(), clinicId, contractId: id, action: 'sent', actor, at: now });
      const { kind, supplementType } = shape;
      await writeAudit(tx, clock, actor, {
        action: 'clinic_contract.created',
        entityType: 'clinic_contract',
        entityId: id,
        after: { clinicId, number, kind, supplementType, status, sha256: pdfSha256 },
      });
      if (status !== 'sent') return [];
      const agreement = { clinicId, kind, number };
      return side === 'clinic'
        ? notices.drawnUpByClinic(tx, agreement, clinic)
        : notices.toSign(tx, agreement, pdf);
    });
    await deps.outbox.dispatch(messageIds);
  } catch (e) {
    if (violatedConstraint(e) === 'clinic_contracts_live_contract_uq')
      throw new AppError('CONFLICT', 'У клиники уже есть действующий договор или его проект');
    throw e;
  }
  return id;
}
