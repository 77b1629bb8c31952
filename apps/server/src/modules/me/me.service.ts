import { CONSENT_TEXTS, type MyInsurance, serviceGroupTitle } from '@remed/core';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import {
  clinics,
  consents,
  helpRequests,
  insuredPersons,
  medicalCases,
  policies,
} from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { checkPhoto } from '../../platform/photo-check.ts';
import { activePolicy, requestView, todayOf, usageOf } from '../console/case.queries.ts';
import { recordHelpRequest } from '../console/help-requests.ts';
import { fullNameOf } from '../insurance/insurance.service.ts';
import { loadProgram, rulesOf } from '../insurance/programs.queries.ts';

/** The insured person's own data: policy and program in plain words, consents, requests for help. */
export function meService(deps: AppDeps) {
  const { database, clock, ids, storage } = deps;
  const db = database.db;

  async function me(actor: Actor) {
    const [person] = await db.select().from(insuredPersons).where(eq(insuredPersons.userId, actor.user!.id));
    if (!person)
      throw new AppError(
        'NOT_FOUND',
        'Ваша учётная запись не связана с полисом ДМС. Обратитесь на медицинский пульт',
      );
    return person;
  }

  return {
    me,
    async insurance(actor: Actor): Promise<MyInsurance> {
      const person = await me(actor);
      const day = todayOf(clock.now());
      const rows = await db
        .select()
        .from(policies)
        .where(eq(policies.insuredPersonId, person.id))
        .orderBy(desc(policies.validTo));
      const out: MyInsurance['policies'] = [];
      for (const p of rows) {
        const prog = await loadProgram(db, p.programId);
        const rules = rulesOf(prog.program);
        const usage = await usageOf(db, p.id, rules.franchisePercent, []);
        const clinicRows = prog.clinicIds.length
          ? await db
              .select()
              .from(clinics)
              .where(inArray(clinics.id, prog.clinicIds))
              .orderBy(asc(clinics.shortName))
          : [];
        out.push({
          number: p.number,
          validFrom: p.validFrom,
          validTo: p.validTo,
          active: !p.detachedOn && p.validFrom <= day && p.validTo >= day,
          program: {
            name: prog.program.name,
            description: prog.program.description,
            insurer: prog.insurer.name,
            covered: [...new Set([...rules.coveredPrefixes, ...rules.coveredCodes].map(serviceGroupTitle))],
            excluded: [...new Set(rules.exclusionPrefixes.map(serviceGroupTitle))],
            needsApproval: [...new Set(rules.approvalPrefixes.map(serviceGroupTitle))],
            annualLimit: rules.annualLimit,
            annualLeft: rules.annualLimit === null ? null : Math.max(0, rules.annualLimit - usage.annual),
            franchisePercent: rules.franchisePercent,
            anyClinic: prog.program.anyClinic,
            accessTypes: prog.program.accessTypes as ('letter' | 'reimbursement')[],
            clinics: clinicRows.map((c) => ({ name: c.shortName, address: c.address })),
          },
        });
      }
      return { fullName: fullNameOf(person), policies: out };
    },

    async consents(actor: Actor) {
      const person = await me(actor);
      const rows = await db
        .select()
        .from(consents)
        .where(eq(consents.insuredPersonId, person.id))
        .orderBy(desc(consents.acceptedAt));
      return rows.map((c) => ({
        kind: c.kind,
        version: c.textVersion,
        acceptedAt: c.acceptedAt.toISOString(),
        withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
      }));
    },

    /** Sharing with the employer is optional: given or withdrawn at any time, each step audited. */
    async setEmployerSharing(actor: Actor, accept: boolean, userAgent: string | null = null) {
      const person = await me(actor);
      await db.transaction(async (tx) => {
        const [active] = await tx
          .select()
          .from(consents)
          .where(
            and(
              eq(consents.insuredPersonId, person.id),
              eq(consents.kind, 'employer_sharing'),
              isNull(consents.withdrawnAt),
            ),
          );
        if (accept && !active) {
          const id = ids.uuid();
          await tx.insert(consents).values({
            id,
            insuredPersonId: person.id,
            kind: 'employer_sharing',
            textVersion: CONSENT_TEXTS.employer_sharing.version,
            acceptedAt: clock.now(),
            method: 'account',
            ip: actor.ip,
            userAgent,
          });
          await writeAudit(tx, clock, actor, {
            action: 'consent.given',
            entityType: 'consent',
            entityId: id,
            after: { kind: 'employer_sharing' },
          });
        }
        if (!accept && active) {
          await tx
            .update(consents)
            .set({ withdrawnAt: clock.now(), withdrawnMethod: 'account', withdrawnIp: actor.ip })
            .where(eq(consents.id, active.id));
          await writeAudit(tx, clock, actor, {
            action: 'consent.withdrawn',
            entityType: 'consent',
            entityId: active.id,
            after: { kind: 'employer_sharing' },
          });
        }
      });
    },

    async requests(actor: Actor) {
      const person = await me(actor);
      const rows = await db
        .select({ r: helpRequests, caseId: medicalCases.id })
        .from(helpRequests)
        .leftJoin(medicalCases, eq(medicalCases.requestId, helpRequests.id))
        .where(eq(helpRequests.insuredPersonId, person.id))
        .orderBy(desc(helpRequests.createdAt));
      const policy = await activePolicy(db, person.id, todayOf(clock.now()));
      return rows.map(({ r, caseId }) => requestView(r, person, policy?.number ?? null, caseId));
    },

    async createRequest(
      actor: Actor,
      input: { complaint: string; answers: Record<string, string> },
      photo: Buffer | null,
    ) {
      const person = await me(actor);
      if (!(await activePolicy(db, person.id, todayOf(clock.now()))))
        throw new AppError('POLICY_NOT_ACTIVE', 'Ваш полис сейчас не действует');
      const id = ids.uuid();
      let photoKey: string | null = null;
      if (photo) {
        const { ext, contentType } = await checkPhoto(photo, deps.config.photoMaxPixels);
        photoKey = `requests/${id}/photo.${ext}`;
        await storage.put(photoKey, photo, contentType);
      }
      await recordHelpRequest(deps, actor, {
        id,
        insuredPersonId: person.id,
        channel: 'app',
        complaint: input.complaint,
        answers: input.answers,
        photoKey,
      });
      return id;
    },
  };
}

export type MeService = ReturnType<typeof meService>;
