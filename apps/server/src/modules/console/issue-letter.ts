import { addDays, checkCoverage, percentHalfUp } from '@remed/core';
import { and, eq, sql } from 'drizzle-orm';
import { type DbOrTx, sqlRows, type Tx } from '../../db/client.ts';
import {
  clinicBranches,
  guaranteeLetterItems,
  guaranteeLetters,
  helpRequests,
  medicalCases,
} from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { notifyLetterIssued } from '../letters/letter-notifications.ts';
import { loadLetters } from '../letters/letters.queries.ts';
import { type CaseContext, caseContext, type SelectedService, todayOf } from './case.queries.ts';
import { cashbackOn, effectivePrices } from './pricing.queries.ts';

interface LetterRequest {
  clinicId: string;
  branchId?: string | null | undefined;
  services: SelectedService[];
  approvedCodes: string[];
  validDays: number;
}

/** Issues the letter: coverage, prices frozen from the clinic's current price list, limits, then e-mail. */
export async function issueLetter(deps: AppDeps, actor: Actor, caseId: string, input: LetterRequest) {
  const db = deps.database.db;
  const c = await caseContext(db, caseId);
  const day = todayOf(deps.clock.now());
  if (!c.program.program.accessTypes.includes('letter'))
    throw new AppError('NOT_COVERED', 'Программа не предусматривает гарантийные письма');
  if (c.policy.detachedOn || c.policy.validFrom > day || c.policy.validTo < day)
    throw new AppError('POLICY_NOT_ACTIVE');
  if (!c.program.program.anyClinic && !c.program.clinicIds.includes(input.clinicId)) {
    throw new AppError('VALIDATION_FAILED', 'Клиника не входит в программу', {
      fields: { clinicId: 'Клиника не входит в программу застрахованного' },
    });
  }
  const priced = await pricedLines(db, c, input, day);
  if (input.branchId) await assertBranchOf(db, input.clinicId, input.branchId);
  const cashbackPercent = (await cashbackOn(db, day)).get(input.clinicId) ?? 0;
  const letterId = deps.ids.uuid();
  const messageIds = await db.transaction((tx) =>
    writeLetter(deps, tx, actor, { c, input, ...priced, letterId, day, cashbackPercent }),
  );
  await deps.outbox.dispatch(messageIds);
  return letterId;
}

/**
 * The chosen services at the clinic's prices in force, once each, refused unless the program covers (or
 * the doctor approved) every one and the policy's limits hold them.
 */
async function pricedLines(db: DbOrTx, c: CaseContext, input: LetterRequest, day: string) {
  const codes = [...new Set(input.services.map((s) => s.serviceCode))];
  if (codes.length !== input.services.length)
    throw new AppError('VALIDATION_FAILED', 'Услуга выбрана дважды: измените количество');
  const prices = await effectivePrices(db, codes, day, [input.clinicId]);
  const missing = codes.filter((code) => !prices.some((p) => p.serviceCode === code));
  if (missing.length)
    throw new AppError('PRICE_NOT_FOUND', `В прейскуранте клиники нет услуг: ${missing.join(', ')}`, {
      missing,
    });
  const lines = input.services.map((s) => ({
    ...s,
    price: prices.find((p) => p.serviceCode === s.serviceCode)!.price,
  }));
  const report = checkCoverage(c.rules, lines, c.usage, input.approvedCodes);
  if (!report.allAllowed) {
    const refused = report.lines.filter(
      (l) =>
        l.verdict !== 'covered' &&
        !(l.verdict === 'needs_approval' && input.approvedCodes.includes(l.serviceCode)),
    );
    throw new AppError(
      'NOT_COVERED',
      `Не входят в программу или не согласованы: ${refused.map((l) => l.serviceCode).join(', ')}`,
      { lines: refused },
    );
  }
  if (report.overLimit) {
    throw new AppError('LIMIT_EXCEEDED', undefined, {
      annualLeft: report.annualLeft,
      insurerShare: report.insurerShare,
      groups: report.groups,
    });
  }
  return { lines, prices, report };
}

async function assertBranchOf(db: DbOrTx, clinicId: string, branchId: string) {
  const [b] = await db
    .select()
    .from(clinicBranches)
    .where(and(eq(clinicBranches.id, branchId), eq(clinicBranches.clinicId, clinicId)));
  if (!b)
    throw new AppError('VALIDATION_FAILED', 'Филиал не относится к выбранной клинике', {
      fields: { branchId: 'Филиал не относится к клинике' },
    });
}

/** The letter under the next number, the case and request closed by it, the audit and the notices. */
async function writeLetter(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  l: {
    c: CaseContext;
    input: LetterRequest;
    letterId: string;
    day: string;
    cashbackPercent: number;
  } & Awaited<ReturnType<typeof pricedLines>>,
) {
  const { clock } = deps;
  const { c, input, letterId, day, report } = l;
  const now = clock.now();
  const [{ n }] = (await sqlRows<{ n: string }>(
    tx,
    sql`select nextval('guarantee_letter_number_seq')::text as n`,
  )) as [{ n: string }];
  const number = `ГП-${day.slice(0, 4)}-${n.padStart(6, '0')}`;
  await tx.insert(guaranteeLetters).values({
    id: letterId,
    number,
    caseId: c.c.id,
    policyId: c.policy.id,
    insuredPersonId: c.person.id,
    clinicId: input.clinicId,
    branchId: input.branchId ?? null,
    validFrom: day,
    validUntil: addDays(day, input.validDays),
    status: 'issued',
    franchisePercent: c.rules.franchisePercent,
    cashbackPercent: l.cashbackPercent,
    remainingLimit: report.annualLeft,
    total: report.total,
    issuedAt: now,
    issuedBy: actor.user!.id,
  });
  await tx.insert(guaranteeLetterItems).values(
    l.lines.map((line, i) => {
      const p = l.prices.find((x) => x.serviceCode === line.serviceCode)!;
      return {
        letterId,
        line: i + 1,
        serviceCode: line.serviceCode,
        clinicCode: p.clinicCode,
        name: p.name,
        price: p.price,
        quantity: line.quantity,
      };
    }),
  );
  await tx
    .update(medicalCases)
    .set({ status: 'letter_issued', updatedAt: now })
    .where(eq(medicalCases.id, c.c.id));
  await tx.update(helpRequests).set({ status: 'closed' }).where(eq(helpRequests.id, c.request.id));
  const [view] = await loadLetters(tx, eq(guaranteeLetters.id, letterId), now);
  await writeAudit(tx, clock, actor, {
    action: 'guarantee_letter.issued',
    entityType: 'guarantee_letter',
    entityId: letterId,
    after: {
      number,
      clinicId: input.clinicId,
      total: report.total,
      items: view!.items,
      insurerShare: report.insurerShare,
      franchise: percentHalfUp(report.total, c.rules.franchisePercent),
    },
  });
  return notifyLetterIssued(deps, tx, view!, c.person);
}
