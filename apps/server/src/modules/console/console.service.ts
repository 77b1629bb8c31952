import {
  addDays,
  type CaseView,
  checkCoverage,
  coverageOf,
  percentHalfUp,
  type RankedClinic,
} from '@remed/core';
import { and, type Column, desc, eq, sql } from 'drizzle-orm';
import { sqlRows } from '../../db/client.ts';
import {
  clinicBranches,
  clinics,
  guaranteeLetterItems,
  guaranteeLetters,
  helpRequests,
  insuredPersons,
  medicalCases,
  policies,
} from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { logHealthViews } from '../../platform/view-log.ts';
import { rulesOf } from '../insurance/programs.repository.ts';
import { letterNotifications } from '../letters/letter-notifications.ts';
import { loadLetters } from '../letters/letters.repository.ts';
import { activePolicy, loadCase, requestView, todayOf, usageOf } from './case.repository.ts';
import { recordHelpRequest } from './help-requests.ts';
import {
  cashbackOn,
  effectivePrices,
  pricesInForce,
  searchServices,
  serviceNames,
} from './pricing.repository.ts';

type Selected = { serviceCode: string; quantity: number };

/** Ranking weights: rating counts most, then the price of the chosen services, then the clinic's cashback. */
const W_RATING = 0.5;
const W_PRICE = 0.3;
const W_CASHBACK = 0.2;

export function consoleService(deps: AppDeps) {
  const { database, clock, ids } = deps;
  const db = database.db;
  const today = () => todayOf(clock.now());

  async function caseContext(caseId: string) {
    const c = await loadCase(db, caseId);
    const rules = rulesOf(c.program.program);
    const usage = await usageOf(
      db,
      c.policy.id,
      rules.franchisePercent,
      rules.groupLimits.map((g) => g.prefix),
    );
    return { ...c, rules, usage };
  }

  return {
    async listRequests(actor: Actor, status: 'new' | 'in_work' | 'closed' | undefined) {
      const rows = await db
        .select({ r: helpRequests, person: insuredPersons, caseId: medicalCases.id })
        .from(helpRequests)
        .innerJoin(insuredPersons, eq(insuredPersons.id, helpRequests.insuredPersonId))
        .leftJoin(medicalCases, eq(medicalCases.requestId, helpRequests.id))
        .where(status ? eq(helpRequests.status, status) : undefined)
        .orderBy(desc(helpRequests.createdAt))
        .limit(200);
      const day = today();
      const out = [];
      for (const { r, person, caseId } of rows) {
        const policy = await activePolicy(db, person.id, day);
        out.push(requestView(r, person, policy?.number ?? null, caseId));
      }
      await logHealthViews(
        deps,
        actor,
        'request.queue',
        rows.map(({ r }) => ({ insuredPersonId: r.insuredPersonId, recordType: 'request', recordId: r.id })),
      );
      return out;
    },

    /** The operator records a phone call: found by policy number. */
    async createPhoneRequest(actor: Actor, input: { policyNumber: string; complaint: string }) {
      const [p] = await db.select().from(policies).where(eq(policies.number, input.policyNumber));
      if (!p)
        throw new AppError('NOT_FOUND', 'Полис не найден', {
          fields: { policyNumber: 'Полис с таким номером не найден' },
        });
      const id = ids.uuid();
      await recordHelpRequest(deps, actor, {
        id,
        insuredPersonId: p.insuredPersonId,
        channel: 'phone',
        complaint: input.complaint,
      });
      return id;
    },

    /** Opens the case for a request (or returns the one already open), in the name of the acting doctor. */
    async openCase(actor: Actor, requestId: string) {
      return db.transaction(async (tx) => {
        const [r] = await tx.select().from(helpRequests).where(eq(helpRequests.id, requestId)).for('update');
        if (!r) throw new AppError('NOT_FOUND', 'Заявка не найдена');
        const [existing] = await tx.select().from(medicalCases).where(eq(medicalCases.requestId, requestId));
        if (existing) return existing.id;
        const policy = await activePolicy(tx, r.insuredPersonId, today());
        if (!policy) throw new AppError('POLICY_NOT_ACTIVE', 'У застрахованного нет действующего полиса');
        const id = ids.uuid();
        const now = clock.now();
        await tx.insert(medicalCases).values({
          id,
          requestId,
          insuredPersonId: r.insuredPersonId,
          policyId: policy.id,
          doctorId: actor.user!.id,
          complaints: r.complaint,
          status: 'open',
          createdAt: now,
          updatedAt: now,
        });
        await tx.update(helpRequests).set({ status: 'in_work' }).where(eq(helpRequests.id, requestId));
        await writeAudit(tx, clock, actor, {
          action: 'case.opened',
          entityType: 'case',
          entityId: id,
          after: { requestId },
        });
        return id;
      });
    },

    async getCase(actor: Actor, caseId: string): Promise<CaseView> {
      const c = await caseContext(caseId);
      const day = today();
      const letters = await loadLetters(db, eq(guaranteeLetters.caseId, caseId), clock.now());
      await logHealthViews(deps, actor, 'case.review', [
        { insuredPersonId: c.person.id, recordType: 'case', recordId: caseId, recordLabel: c.c.icd10Code },
      ]);
      return {
        id: c.c.id,
        status: c.c.status,
        complaints: c.c.complaints,
        icd10Code: c.c.icd10Code,
        icd10Text: c.c.icd10Text,
        insured: {
          id: c.person.id,
          fullName: [c.person.lastName, c.person.firstName, c.person.middleName].filter(Boolean).join(' '),
          birthDate: c.person.birthDate,
          sex: c.person.sex,
          phone: c.person.phone,
        },
        policy: {
          number: c.policy.number,
          validFrom: c.policy.validFrom,
          validTo: c.policy.validTo,
          active: !c.policy.detachedOn && c.policy.validFrom <= day && c.policy.validTo >= day,
        },
        program: {
          id: c.program.program.id,
          name: c.program.program.name,
          franchisePercent: c.rules.franchisePercent,
          annualLimit: c.rules.annualLimit,
          annualLeft: c.rules.annualLimit === null ? null : Math.max(0, c.rules.annualLimit - c.usage.annual),
          anyClinic: c.program.program.anyClinic,
        },
        request: requestView(c.request, c.person, c.policy.number, c.c.id),
        letters,
      };
    },

    async updateCase(
      actor: Actor,
      caseId: string,
      patch: {
        complaints?: string | undefined;
        icd10Code?: string | null | undefined;
        icd10Text?: string | null | undefined;
      },
    ) {
      await db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(medicalCases)
          .where(eq(medicalCases.id, caseId))
          .for('update');
        if (!before) throw new AppError('NOT_FOUND', 'Обращение не найдено');
        const [after] = await tx
          .update(medicalCases)
          .set({ ...patch, updatedAt: clock.now() })
          .where(eq(medicalCases.id, caseId))
          .returning();
        await writeAudit(tx, clock, actor, {
          action: 'case.updated',
          entityType: 'case',
          entityId: caseId,
          before,
          after,
        });
      });
    },

    searchServices: (q: string) => searchServices(db, q, today()),

    async requestPhoto(actor: Actor, requestId: string) {
      const [r] = await db.select().from(helpRequests).where(eq(helpRequests.id, requestId));
      if (!r?.photoKey) throw new AppError('NOT_FOUND', 'Фото к заявке не приложено');
      await logHealthViews(deps, actor, 'request.photo', [
        { insuredPersonId: r.insuredPersonId, recordType: 'request', recordId: r.id },
      ]);
      const ext = r.photoKey.split('.').pop()!;
      const type =
        { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', heic: 'image/heic' }[ext] ??
        'application/octet-stream';
      return { content: await deps.storage.get(r.photoKey), contentType: type };
    },

    async coverage(caseId: string, services: Selected[], approvedCodes: string[]) {
      const c = await caseContext(caseId);
      const names = await serviceNames(
        db,
        services.map((s) => s.serviceCode),
      );
      const lines = services.map((s) => ({
        serviceCode: s.serviceCode,
        name: names.get(s.serviceCode) ?? s.serviceCode,
        verdict: coverageOf(c.rules, s.serviceCode),
      }));
      const report = checkCoverage(
        c.rules,
        services.map((s) => ({ ...s, price: 0 })),
        c.usage,
        approvedCodes,
      );
      return {
        lines,
        annualLimit: c.rules.annualLimit,
        annualLeft: report.annualLeft,
        franchisePercent: c.rules.franchisePercent,
        allAllowed: report.allAllowed,
      };
    },

    /** Clinics of the program ranked for the chosen services: rating, price of these services, cashback. */
    async rankClinics(caseId: string, services: Selected[]): Promise<RankedClinic[]> {
      const c = await caseContext(caseId);
      const day = today();
      const scope = c.program.program.anyClinic ? null : c.program.clinicIds;
      const codes = services.map((s) => s.serviceCode);
      const inScope = (id: Column) => (scope ? sql`${id} = any(${sql.param(scope)}::uuid[])` : undefined);
      const [prices, cashback, clinicRows, branches] = await Promise.all([
        pricesInForce(db, codes, day, scope),
        cashbackOn(db, day),
        db
          .select({
            id: clinics.id,
            shortName: clinics.shortName,
            inn: clinics.inn,
            address: clinics.address,
            rating: clinics.rating,
          })
          .from(clinics)
          .where(inScope(clinics.id)),
        db
          .select({
            id: clinicBranches.id,
            clinicId: clinicBranches.clinicId,
            name: clinicBranches.name,
            address: clinicBranches.address,
            district: clinicBranches.district,
          })
          .from(clinicBranches)
          .where(inScope(clinicBranches.clinicId)),
      ]);
      // Grouped once: a program may have a thousand clinics and the prices five times as many rows.
      const priceOf = new Map<string, Map<string, number>>();
      for (const p of prices) {
        const own = priceOf.get(p.clinicId) ?? new Map<string, number>();
        own.set(p.serviceCode, p.price);
        priceOf.set(p.clinicId, own);
      }
      const branchesOf = new Map<string, (typeof branches)[number][]>();
      for (const b of branches) {
        const list = branchesOf.get(b.clinicId);
        if (list) list.push(b);
        else branchesOf.set(b.clinicId, [b]);
      }
      const candidates = clinicRows
        .map((cl) => {
          const own = priceOf.get(cl.id) ?? new Map<string, number>();
          const missing = codes.filter((code) => !own.has(code));
          const total = services.reduce((s, sel) => s + (own.get(sel.serviceCode) ?? 0) * sel.quantity, 0);
          const report = checkCoverage(
            c.rules,
            services.map((s) => ({ ...s, price: own.get(s.serviceCode) ?? 0 })),
            c.usage,
          );
          return {
            cl,
            missing,
            total,
            overLimit: report.overLimit,
            cashbackPercent: cashback.get(cl.id) ?? 0,
          };
        })
        .filter((x) => x.missing.length < codes.length);
      const complete = candidates.filter((x) => !x.missing.length);
      const maxTotal = Math.max(1, ...complete.map((x) => x.total));
      const minTotal = Math.min(...complete.map((x) => x.total), maxTotal);
      return candidates
        .map((x) => {
          const rating = x.cl.rating === null ? null : Number(x.cl.rating);
          const priceScore = x.missing.length
            ? 0
            : maxTotal === minTotal
              ? 1
              : (maxTotal - x.total) / (maxTotal - minTotal);
          const score =
            W_RATING * ((rating ?? 5) / 10) + W_PRICE * priceScore + W_CASHBACK * (x.cashbackPercent / 10);
          return {
            clinicId: x.cl.id,
            name: x.cl.shortName,
            inn: x.cl.inn,
            address: x.cl.address,
            district: branchesOf.get(x.cl.id)?.[0]?.district ?? null,
            rating,
            cashbackPercent: x.cashbackPercent,
            total: x.total,
            missing: x.missing,
            score: Math.round(score * 1000) / 1000,
            overLimit: x.overLimit,
            branches: (branchesOf.get(x.cl.id) ?? []).map((b) => ({
              id: b.id,
              name: b.name,
              address: b.address,
              district: b.district,
            })),
          };
        })
        .sort(
          (a, b) =>
            Number(a.missing.length > 0) - Number(b.missing.length > 0) ||
            b.score - a.score ||
            a.total - b.total,
        );
    },

    /** Issues the letter: coverage, prices frozen from the clinic's current price list, limits, then e-mail. */
    async issueLetter(
      actor: Actor,
      caseId: string,
      input: {
        clinicId: string;
        branchId?: string | null | undefined;
        services: Selected[];
        approvedCodes: string[];
        validDays: number;
      },
    ) {
      const c = await caseContext(caseId);
      const day = today();
      if (!c.program.program.accessTypes.includes('letter'))
        throw new AppError('NOT_COVERED', 'Программа не предусматривает гарантийные письма');
      if (c.policy.detachedOn || c.policy.validFrom > day || c.policy.validTo < day)
        throw new AppError('POLICY_NOT_ACTIVE');
      if (!c.program.program.anyClinic && !c.program.clinicIds.includes(input.clinicId)) {
        throw new AppError('VALIDATION_FAILED', 'Клиника не входит в программу', {
          fields: { clinicId: 'Клиника не входит в программу застрахованного' },
        });
      }
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
      if (input.branchId) {
        const [b] = await db
          .select()
          .from(clinicBranches)
          .where(and(eq(clinicBranches.id, input.branchId), eq(clinicBranches.clinicId, input.clinicId)));
        if (!b)
          throw new AppError('VALIDATION_FAILED', 'Филиал не относится к выбранной клинике', {
            fields: { branchId: 'Филиал не относится к клинике' },
          });
      }
      const cashbackPercent = (await cashbackOn(db, day)).get(input.clinicId) ?? 0;
      const letterId = ids.uuid();
      const now = clock.now();
      const messageIds = await db.transaction(async (tx) => {
        const [{ n }] = (await sqlRows<{ n: string }>(
          tx,
          sql`select nextval('guarantee_letter_number_seq')::text as n`,
        )) as [{ n: string }];
        const number = `ГП-${day.slice(0, 4)}-${n.padStart(6, '0')}`;
        await tx.insert(guaranteeLetters).values({
          id: letterId,
          number,
          caseId,
          policyId: c.policy.id,
          insuredPersonId: c.person.id,
          clinicId: input.clinicId,
          branchId: input.branchId ?? null,
          validFrom: day,
          validUntil: addDays(day, input.validDays),
          status: 'issued',
          franchisePercent: c.rules.franchisePercent,
          cashbackPercent,
          remainingLimit: report.annualLeft === null ? null : BigInt(report.annualLeft),
          total: BigInt(report.total),
          issuedAt: now,
          issuedBy: actor.user!.id,
        });
        await tx.insert(guaranteeLetterItems).values(
          lines.map((l, i) => {
            const p = prices.find((x) => x.serviceCode === l.serviceCode)!;
            return {
              letterId,
              line: i + 1,
              serviceCode: l.serviceCode,
              clinicCode: p.clinicCode,
              name: p.name,
              price: BigInt(p.price),
              quantity: l.quantity,
            };
          }),
        );
        await tx
          .update(medicalCases)
          .set({ status: 'letter_issued', updatedAt: now })
          .where(eq(medicalCases.id, caseId));
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
        return letterNotifications(deps).issued(tx, view!, c.person);
      });
      await deps.outbox.dispatch(messageIds);
      return letterId;
    },
  };
}

export type ConsoleService = ReturnType<typeof consoleService>;
