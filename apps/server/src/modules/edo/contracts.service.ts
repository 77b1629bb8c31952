import crypto from 'node:crypto';
import {
  addDays,
  type ContractAction,
  type ContractStatus,
  type ContractView,
  type CreateSupplement,
  contractNext,
  type FilledAgreement,
  fillContract,
  fillSupplement,
  missingRequisites,
  missingRequisitesMessage,
  moscowDate,
  REQUISITE_LABELS,
  type SignatureView,
  type SignRequest,
  type SupplementTerms,
} from '@remed/core';
import { and, desc, eq, lte, ne, sql } from 'drizzle-orm';
import { type DbOrTx, sqlRows, type Tx } from '../../db/client.ts';
import { clinicCashback, clinicContracts, edoSignatures } from '../../db/schema/index.ts';
import { type Actor, systemActor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { assertClinicAccess } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import {
  addEvent,
  type ContractRow,
  contractTitle,
  loadClinic,
  loadContractRow,
  loadContracts,
  requisitesOf,
  sideOf,
  signaturesOf,
} from './edo.repository.ts';
import { edoNotifications } from './edo-notifications.ts';
import { renderAgreementPdf } from './edo-pdf.ts';
import { type SignTarget, signingService } from './signing.ts';

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** A year less a day: a contract made on 20.11.2026 runs to 19.11.2027 inclusive. */
export function oneYearFrom(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return addDays(new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10), -1);
}

const violated = (e: unknown) =>
  ((e as { cause?: { constraint?: string } }).cause ?? (e as { constraint?: string })).constraint;

const REFUSALS: Record<ContractAction, string> = {
  send: 'Отправить можно только черновик',
  regenerate: 'Документ уже подписан или отменён: сформировать его заново нельзя',
  cancel: 'Отменить можно только документ, который ещё никто не подписал',
  sign: 'Сейчас ваша сторона не может подписать этот документ',
};

/** Contracts and supplementary agreements between the service and a clinic, signed in the cabinet. */
export function contractsService(deps: AppDeps) {
  const { database, clock, ids, storage, config } = deps;
  const db = database.db;
  const signing = signingService(deps);
  const notify = edoNotifications(deps);
  const author = config.serviceParty.shortName;

  const render = (
    content: FilledAgreement,
    number: string,
    clinicName: string,
    signatures: SignatureView[] = [],
  ) =>
    renderAgreementPdf(
      content,
      { number, author, parties: { service: author, clinic: clinicName } },
      signatures,
    );

  async function store(id: string, name: string, pdf: Buffer) {
    const key = `edo/contracts/${id}/${name}.pdf`;
    await storage.put(key, pdf, 'application/pdf');
    return key;
  }

  async function view(actor: Actor, clinicId: string, id: string): Promise<ContractView> {
    const [v] = await loadContracts(
      db,
      actor,
      and(eq(clinicContracts.id, id), eq(clinicContracts.clinicId, clinicId)),
    );
    if (!v) throw new AppError('NOT_FOUND', 'Договор не найден');
    return v;
  }

  async function completeRequisites(db: DbOrTx, clinicId: string) {
    const clinic = await loadClinic(db, clinicId);
    const requisites = requisitesOf(clinic);
    const missing = missingRequisites(requisites);
    if (missing.length)
      throw new AppError('REQUISITES_INCOMPLETE', missingRequisitesMessage(missing), {
        fields: Object.fromEntries(missing.map((k) => [k, `Заполните: ${REQUISITE_LABELS[k]}`])),
        missing,
      });
    return { clinic, requisites };
  }

  async function cashbackToday(db: DbOrTx, clinicId: string, day: string) {
    const [row] = await db
      .select({ percent: clinicCashback.percent })
      .from(clinicCashback)
      .where(and(eq(clinicCashback.clinicId, clinicId), lte(clinicCashback.validFrom, day)))
      .orderBy(desc(clinicCashback.validFrom))
      .limit(1);
    return row?.percent ?? null;
  }

  /** The text of a contract or agreement with the clinic's requisites as they are now. */
  async function fill(
    tx: DbOrTx,
    row: Pick<
      ContractRow,
      | 'kind'
      | 'number'
      | 'documentDate'
      | 'validUntil'
      | 'clinicId'
      | 'parentId'
      | 'supplementType'
      | 'effectiveFrom'
      | 'cashbackPercent'
    >,
  ) {
    const { clinic, requisites } = await completeRequisites(tx, row.clinicId);
    const base = {
      number: row.number,
      date: row.documentDate,
      city: config.serviceCity,
      service: config.serviceParty,
      clinic: requisites,
    };
    if (row.kind === 'contract')
      return {
        clinic,
        content: fillContract({
          ...base,
          validUntil: row.validUntil!,
          cashbackPercent: await cashbackToday(tx, row.clinicId, row.documentDate),
        }),
      };
    const parent = await loadContractRow(tx, row.clinicId, row.parentId!);
    const terms: SupplementTerms =
      row.supplementType === 'prolongation'
        ? { type: 'prolongation', validUntil: row.validUntil! }
        : row.supplementType === 'cashback'
          ? { type: 'cashback', effectiveFrom: row.effectiveFrom!, cashbackPercent: row.cashbackPercent! }
          : { type: 'requisites', effectiveFrom: row.effectiveFrom! };
    return {
      clinic,
      content: fillSupplement({
        ...base,
        contractNumber: parent.number,
        contractDate: parent.documentDate,
        terms,
      }),
    };
  }

  async function nextNumber(tx: Tx, kind: 'contract' | 'supplement', day: string) {
    const seq = kind === 'contract' ? 'clinic_contract_number_seq' : 'clinic_supplement_number_seq';
    const [{ n }] = (await sqlRows<{ n: string }>(tx, sql.raw(`select nextval('${seq}')::text as n`))) as [
      { n: string },
    ];
    return `${kind === 'contract' ? 'Д' : 'ДС'}-${day.slice(0, 4)}-${n.padStart(6, '0')}`;
  }

  async function insertAgreement(
    actor: Actor,
    clinicId: string,
    shape: Omit<Parameters<typeof fill>[1], 'number' | 'documentDate' | 'clinicId'>,
    status: 'draft' | 'sent',
  ) {
    const id = ids.uuid();
    const now = clock.now();
    const day = moscowDate(now);
    const side = actor.user ? sideOf(actor) : 'service';
    try {
      const messageIds = await db.transaction(async (tx) => {
        const number = await nextNumber(tx, shape.kind, day);
        const { clinic, content } = await fill(tx, { ...shape, number, documentDate: day, clinicId });
        const pdf = await render(content, number, clinic.shortName);
        const pdfKey = await store(id, 'original', pdf);
        await tx.insert(clinicContracts).values({
          id,
          clinicId,
          kind: shape.kind,
          supplementType: shape.supplementType,
          parentId: shape.parentId,
          number,
          status,
          documentDate: day,
          validUntil: shape.validUntil,
          effectiveFrom: shape.effectiveFrom,
          cashbackPercent: shape.cashbackPercent,
          content,
          pdfKey,
          pdfSha256: sha256(pdf),
          createdBy: actor.user?.id ?? null,
          createdByName: actor.user?.fullName ?? author,
          createdBySide: side,
          createdAt: now,
          updatedAt: now,
          sentAt: status === 'sent' ? now : null,
        });
        const title = contractTitle({ kind: shape.kind, number });
        await addEvent(tx, { id: ids.uuid(), clinicId, contractId: id, action: 'created', actor, at: now });
        if (status === 'sent')
          await addEvent(tx, { id: ids.uuid(), clinicId, contractId: id, action: 'sent', actor, at: now });
        await writeAudit(tx, clock, actor, {
          action: 'clinic_contract.created',
          entityType: 'clinic_contract',
          entityId: id,
          after: {
            clinicId,
            number,
            kind: shape.kind,
            supplementType: shape.supplementType,
            status,
            sha256: sha256(pdf),
          },
        });
        if (status !== 'sent') return [];
        return side === 'clinic'
          ? notify.toService(tx, 'contracts', `${clinic.shortName}: сформирован ${title}`, [
              `Клиника ${clinic.shortName} (ИНН ${clinic.inn}) сформировала в кабинете ${title.toLowerCase()}.`,
              'Когда клиника подпишет его, документ придёт вам на подпись.',
            ])
          : notify.toClinic(
              tx,
              clinicId,
              'contracts',
              `${title} — на подпись`,
              [
                `${author} направляет вам на подпись ${title.toLowerCase()}.`,
                'Проверьте документ и подпишите его в кабинете кодом из SMS или письма.',
              ],
              { filename: `${number}.pdf`, contentType: 'application/pdf', content: pdf },
            );
      });
      await deps.outbox.dispatch(messageIds);
    } catch (e) {
      if (violated(e) === 'clinic_contracts_live_contract_uq')
        throw new AppError('CONFLICT', 'У клиники уже есть действующий договор или его проект');
      throw e;
    }
    return id;
  }

  async function liveContract(db: DbOrTx, clinicId: string) {
    const [row] = await db
      .select()
      .from(clinicContracts)
      .where(
        and(
          eq(clinicContracts.clinicId, clinicId),
          eq(clinicContracts.kind, 'contract'),
          ne(clinicContracts.status, 'cancelled'),
        ),
      );
    return row ?? null;
  }

  async function createContract(actor: Actor, clinicId: string) {
    const existing = await liveContract(db, clinicId);
    if (existing)
      throw new AppError('CONFLICT', `У клиники уже есть ${contractTitle(existing).toLowerCase()}`);
    // The clinic (or registration, for it) draws up the service's standard contract: it is ready for the
    // clinic's signature at once. The service's staff start from a draft they check and send.
    const status = !actor.user || sideOf(actor) === 'clinic' ? 'sent' : 'draft';
    const day = moscowDate(clock.now());
    return insertAgreement(
      actor,
      clinicId,
      {
        kind: 'contract',
        supplementType: null,
        parentId: null,
        validUntil: oneYearFrom(day),
        effectiveFrom: null,
        cashbackPercent: null,
      },
      status,
    );
  }

  async function transition(
    actor: Actor,
    clinicId: string,
    id: string,
    action: 'send' | 'regenerate' | 'cancel',
    reason?: string,
  ) {
    assertClinicAccess(actor, clinicId);
    const row = await loadContractRow(db, clinicId, id);
    const next = contractNext(row.status as ContractStatus, action, sideOf(actor));
    if (!next) throw new AppError('INVALID_STATE', REFUSALS[action]);
    const now = clock.now();
    const title = contractTitle(row);
    const messageIds = await db.transaction(async (tx) => {
      let set: Partial<typeof clinicContracts.$inferInsert> = { status: next, updatedAt: now };
      let pdf: Buffer | null = null;
      if (action === 'send') set.sentAt = now;
      if (action === 'cancel') set = { ...set, cancelledAt: now, cancelReason: reason ?? null };
      if (action === 'regenerate') {
        const { clinic, content } = await fill(tx, row);
        pdf = await render(content, row.number, clinic.shortName);
        set = {
          ...set,
          content,
          pdfSha256: sha256(pdf),
          pdfKey: await store(id, `original-${ids.uuid()}`, pdf),
        };
      }
      const updated = await tx
        .update(clinicContracts)
        .set(set)
        .where(and(eq(clinicContracts.id, id), eq(clinicContracts.status, row.status)))
        .returning({ id: clinicContracts.id });
      if (!updated.length)
        throw new AppError('INVALID_STATE', 'Документ уже изменён другим пользователем. Обновите страницу');
      await addEvent(tx, {
        id: ids.uuid(),
        clinicId,
        contractId: id,
        action: action === 'send' ? 'sent' : action === 'cancel' ? 'cancelled' : 'regenerated',
        actor,
        details: reason ?? null,
        at: now,
      });
      await writeAudit(tx, clock, actor, {
        action: `clinic_contract.${action === 'send' ? 'sent' : action === 'cancel' ? 'cancelled' : 'regenerated'}`,
        entityType: 'clinic_contract',
        entityId: id,
        before: { status: row.status, sha256: row.pdfSha256 },
        after: { status: next, sha256: set.pdfSha256 ?? row.pdfSha256, reason },
      });
      if (action === 'send' || (action === 'regenerate' && next === 'sent'))
        return notify.toClinic(
          tx,
          clinicId,
          'contracts',
          `${title} — на подпись`,
          action === 'send'
            ? [
                `${author} направляет вам на подпись ${title.toLowerCase()}.`,
                'Проверьте документ и подпишите его в кабинете кодом из SMS или письма.',
              ]
            : [
                `${title} сформирован заново с актуальными реквизитами.`,
                'Откройте новую версию и подпишите её: прежняя версия больше не подписывается.',
              ],
          {
            filename: `${row.number}.pdf`,
            contentType: 'application/pdf',
            content: pdf ?? (await storage.get(row.pdfKey)),
          },
        );
      if (action === 'cancel' && row.status === 'sent')
        return notify.toClinic(tx, clinicId, 'contracts', `${title} отменён`, [
          `${title} отменён. Причина: ${reason}.`,
        ]);
      return [];
    });
    await deps.outbox.dispatch(messageIds);
    return view(actor, clinicId, id);
  }

  const target = (row: ContractRow): SignTarget => ({
    entity: 'contract',
    id: row.id,
    clinicId: row.clinicId,
    title: contractTitle(row),
  });

  return {
    async list(actor: Actor, clinicId: string) {
      assertClinicAccess(actor, clinicId);
      const clinic = await loadClinic(db, clinicId);
      const contracts = await loadContracts(db, actor, eq(clinicContracts.clinicId, clinicId));
      return {
        contracts,
        missingRequisites: missingRequisites(requisitesOf(clinic)).map((field) => ({
          field,
          label: REQUISITE_LABELS[field],
        })),
        canCreateContract: !contracts.some((c) => c.kind === 'contract' && c.status !== 'cancelled'),
      };
    },

    listAll: (actor: Actor, filter: { clinicId?: string | undefined; status?: ContractStatus | undefined }) =>
      loadContracts(
        db,
        actor,
        and(
          filter.clinicId ? eq(clinicContracts.clinicId, filter.clinicId) : undefined,
          filter.status ? eq(clinicContracts.status, filter.status) : undefined,
        ),
      ),

    get(actor: Actor, clinicId: string, id: string) {
      assertClinicAccess(actor, clinicId);
      return view(actor, clinicId, id);
    },

    async create(actor: Actor, clinicId: string) {
      assertClinicAccess(actor, clinicId);
      return view(actor, clinicId, await createContract(actor, clinicId));
    },

    /** For clinic self-registration: the standard contract, ready for the clinic to sign. */
    createForNewClinic: (clinicId: string) => createContract(systemActor, clinicId),

    async createSupplement(actor: Actor, clinicId: string, contractId: string, input: CreateSupplement) {
      assertClinicAccess(actor, clinicId);
      if (sideOf(actor) !== 'service')
        throw new AppError('FORBIDDEN', 'Дополнительное соглашение готовит сервис');
      const parent = await view(actor, clinicId, contractId);
      if (parent.kind !== 'contract' || parent.status !== 'signed')
        throw new AppError(
          'INVALID_STATE',
          'Дополнительное соглашение заключается к договору, подписанному обеими сторонами',
        );
      const today = moscowDate(clock.now());
      if (input.type === 'prolongation' && input.validUntil <= (parent.validUntil ?? today))
        throw new AppError('VALIDATION_FAILED', 'Новый срок должен быть позже текущего', {
          fields: { validUntil: `Позже ${parent.validUntil}` },
        });
      if (input.type !== 'prolongation' && input.effectiveFrom < today)
        throw new AppError('VALIDATION_FAILED', 'Дата начала не может быть в прошлом', {
          fields: { effectiveFrom: 'Не раньше сегодняшнего дня' },
        });
      const id = await insertAgreement(
        actor,
        clinicId,
        {
          kind: 'supplement',
          supplementType: input.type,
          parentId: contractId,
          validUntil: input.type === 'prolongation' ? input.validUntil : null,
          effectiveFrom: input.type === 'prolongation' ? null : input.effectiveFrom,
          cashbackPercent: input.type === 'cashback' ? input.cashbackPercent : null,
        },
        'draft',
      );
      return view(actor, clinicId, id);
    },

    send: (actor: Actor, clinicId: string, id: string) => transition(actor, clinicId, id, 'send'),
    regenerate: (actor: Actor, clinicId: string, id: string) => transition(actor, clinicId, id, 'regenerate'),
    cancel: (actor: Actor, clinicId: string, id: string, reason: string) =>
      transition(actor, clinicId, id, 'cancel', reason),

    async pdf(actor: Actor, clinicId: string, id: string) {
      assertClinicAccess(actor, clinicId);
      const row = await loadContractRow(db, clinicId, id);
      return { fileName: `${row.number}.pdf`, content: await storage.get(row.pdfKey), sha256: row.pdfSha256 };
    },

    async signedPdf(actor: Actor, clinicId: string, id: string) {
      assertClinicAccess(actor, clinicId);
      const row = await loadContractRow(db, clinicId, id);
      if (!row.signedPdfKey) throw new AppError('NOT_FOUND', 'Документ ещё никто не подписал');
      return { fileName: `${row.number}-подписан.pdf`, content: await storage.get(row.signedPdfKey) };
    },

    async requestCode(actor: Actor, clinicId: string, id: string, channel?: 'sms' | 'email') {
      assertClinicAccess(actor, clinicId);
      const row = await loadContractRow(db, clinicId, id);
      if (!contractNext(row.status as ContractStatus, 'sign', sideOf(actor)))
        throw new AppError('INVALID_STATE', REFUSALS.sign);
      return signing.requestCode(actor, target(row), channel);
    },

    async sign(actor: Actor, clinicId: string, id: string, input: SignRequest) {
      assertClinicAccess(actor, clinicId);
      const row = await loadContractRow(db, clinicId, id);
      const side = sideOf(actor);
      const signatures = (await signaturesOf(db, 'contractId', [id])).get(id) ?? [];
      // A repeated request (a retry after a lost answer, a double click) signs nothing twice.
      if (signatures.some((s) => s.side === side)) return view(actor, clinicId, id);
      const next = contractNext(row.status as ContractStatus, 'sign', side);
      if (!next) throw new AppError('INVALID_STATE', REFUSALS.sign);
      await signing.assertSameDocument(actor, target(row), input.documentHash, row.pdfSha256);
      const codeId = await signing.verifyCode(actor, target(row), input);
      const now = clock.now();
      const user = actor.user!;
      const signature: SignatureView = {
        side,
        signerName: user.fullName,
        signerPost: input.signerPost,
        signedAt: now.toISOString(),
        documentSha256: row.pdfSha256,
        codeId,
      };
      const clinic = await loadClinic(db, clinicId);
      const stamped = await render(row.content, row.number, clinic.shortName, [...signatures, signature]);
      const signedPdfKey = await store(id, `signed-${codeId}`, stamped);
      const title = contractTitle(row);
      try {
        const messageIds = await db.transaction(async (tx) => {
          await tx.insert(edoSignatures).values({
            id: ids.uuid(),
            contractId: id,
            side,
            signerUserId: user.id,
            signerName: user.fullName,
            signerPost: input.signerPost,
            documentSha256: row.pdfSha256,
            otpCodeId: codeId,
            signedAt: now,
            ip: actor.ip,
          });
          const updated = await tx
            .update(clinicContracts)
            .set({ status: next, signedPdfKey, updatedAt: now, signedAt: next === 'signed' ? now : null })
            .where(
              and(
                eq(clinicContracts.id, id),
                eq(clinicContracts.status, row.status),
                eq(clinicContracts.pdfSha256, input.documentHash),
              ),
            )
            .returning({ id: clinicContracts.id });
          if (!updated.length) throw new AppError('DOCUMENT_CHANGED');
          if (next === 'signed' && row.supplementType === 'cashback')
            await tx
              .insert(clinicCashback)
              .values({ clinicId, validFrom: row.effectiveFrom!, percent: row.cashbackPercent! })
              .onConflictDoUpdate({
                target: [clinicCashback.clinicId, clinicCashback.validFrom],
                set: { percent: row.cashbackPercent! },
              });
          await addEvent(tx, {
            id: ids.uuid(),
            clinicId,
            contractId: id,
            action: 'signed',
            actor,
            details: `${user.fullName}, ${input.signerPost}; SHA-256 ${row.pdfSha256}`,
            at: now,
          });
          await writeAudit(tx, clock, actor, {
            action: 'clinic_contract.signed',
            entityType: 'clinic_contract',
            entityId: id,
            before: { status: row.status },
            after: { status: next, side, sha256: row.pdfSha256, codeId, signerPost: input.signerPost },
          });
          if (next === 'signed_by_clinic')
            return notify.toService(tx, 'contracts', `${clinic.shortName} подписала: ${title}`, [
              `${clinic.shortName} (ИНН ${clinic.inn}) подписала ${title.toLowerCase()} простой электронной подписью.`,
              `Подписант: ${user.fullName}, ${input.signerPost}.`,
              'Подпишите документ со стороны сервиса.',
            ]);
          return notify.toClinic(
            tx,
            clinicId,
            'contracts',
            `${title} подписан обеими сторонами`,
            [
              `${title} подписан обеими сторонами простой электронной подписью.`,
              'Экземпляр с отметками о подписании — во вложении.',
            ],
            { filename: `${row.number}-подписан.pdf`, contentType: 'application/pdf', content: stamped },
          );
        });
        await deps.outbox.dispatch(messageIds);
      } catch (e) {
        if (violated(e) !== 'edo_signatures_contract_side_uq') throw e;
      }
      return view(actor, clinicId, id);
    },
  };
}

export type ContractsService = ReturnType<typeof contractsService>;

/**
 * Draws up the standard contract for a clinic that has just registered, ready for the clinic to sign in
 * its cabinet. Throws REQUISITES_INCOMPLETE (naming the fields) or CONFLICT if it already has one.
 */
export function createContractForNewClinic(deps: AppDeps, clinicId: string): Promise<string> {
  return contractsService(deps).createForNewClinic(clinicId);
}

/**
 * A clinic that just joined (registered, or added to a network) finds its contract waiting for its
 * signature. Should it not draw up now (requisites incomplete), the clinic forms it from its cabinet.
 */
export async function offerContractToNewClinic(deps: AppDeps, clinicId: string): Promise<void> {
  await createContractForNewClinic(deps, clinicId).catch((e: unknown) => {
    if (!isAppError(e)) throw e;
  });
}
