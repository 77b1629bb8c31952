import type { SessionUser, SignatureCodeResponse, signRequestSchema } from '@remed/core';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { otpService } from '../../platform/otp.ts';
import { addEvent } from './history.queries.ts';

const TTL_MS = 10 * 60_000;

/** +7 916 ***-**-67 or o***@clinic.ru: enough to recognise, not enough to harvest. */
function maskContact(channel: 'sms' | 'email', to: string): string {
  if (channel === 'sms') return `${to.slice(0, 2)} ${to.slice(2, 5)} ***-**-${to.slice(-2)}`;
  const [name, domain] = to.split('@');
  return `${name!.slice(0, 1)}***@${domain}`;
}

export interface SignTarget {
  entity: 'contract' | 'document';
  id: string;
  clinicId: string;
  title: string;
}

const purpose = (t: SignTarget) => `edo-sign:${t.id}`;

/** The audit log's name for the signed thing. */
const entityTypeOf = (t: SignTarget) => (t.entity === 'contract' ? 'clinic_contract' : 'clinic_document');

/** The history event's (and the signature row's) link to the signed thing. */
export const subjectOf = (t: SignTarget) =>
  t.entity === 'contract' ? { contractId: t.id } : { documentId: t.id };

/** A signing step, in the signed thing's history and in the audit log, inside the caller's transaction. */
export async function recordSigningStep(
  deps: Pick<AppDeps, 'clock' | 'ids'>,
  tx: DbOrTx,
  actor: Actor,
  target: SignTarget,
  step: {
    event: 'code_requested' | 'signed';
    audit: 'signature_code_sent' | 'signed';
    details: string;
    at: Date;
    before?: unknown;
    after: unknown;
  },
) {
  const { event, audit, details, at, before, after } = step;
  const { clinicId, id: entityId } = target;
  await addEvent(tx, {
    id: deps.ids.uuid(),
    clinicId,
    ...subjectOf(target),
    action: event,
    actor,
    details,
    at,
  });
  const entityType = entityTypeOf(target);
  await writeAudit(tx, deps.clock, actor, {
    action: `${entityType}.${audit}`,
    entityType,
    entityId,
    before,
    after,
  });
}

async function refused(deps: AppDeps, actor: Actor, target: SignTarget, reason: string) {
  await deps.database.db.transaction((tx) =>
    writeAudit(tx, deps.clock, actor, {
      action: `${entityTypeOf(target)}.signature_refused`,
      entityType: entityTypeOf(target),
      entityId: target.id,
      after: { reason },
    }),
  );
}

function codeMessage(target: SignTarget, u: SessionUser, channel: 'sms' | 'email', to: string, code: string) {
  const text = `Код для подписания документа «${target.title}»: ${code}. Код действует 10 минут. Никому его не сообщайте.`;
  if (channel === 'sms') return { channel, to, body: `remed: ${text}` };
  return {
    channel,
    to,
    subject: `Код подписи: ${target.title}`,
    body: [
      `Здравствуйте, ${u.fullName}!`,
      '',
      text,
      '',
      'Вводя код, вы подписываете документ простой электронной подписью (63-ФЗ, ст. 6 и 9).',
      'Если вы не запрашивали код, не вводите его и сообщите в службу поддержки.',
    ].join('\n'),
  };
}

/**
 * The simple electronic signature's key: a one-time code bound to one document and one user, sent to the
 * user's phone or e-mail.
 */
export async function requestSignatureCode(
  deps: AppDeps,
  actor: Actor,
  target: SignTarget,
  wanted: 'sms' | 'email' | undefined,
): Promise<SignatureCodeResponse> {
  const { database, clock } = deps;
  const u = actor.user!;
  const channel = wanted ?? (u.phone ? 'sms' : 'email');
  const to = channel === 'sms' ? u.phone : u.email;
  if (!to)
    throw new AppError(
      'VALIDATION_FAILED',
      channel === 'sms'
        ? 'В вашей учётной записи нет телефона. Получите код по электронной почте'
        : 'В вашей учётной записи нет электронной почты. Получите код по SMS',
      { fields: { channel: channel === 'sms' ? 'Нет телефона' : 'Нет электронной почты' } },
    );
  const now = clock.now();
  const messageId = await database.db.transaction(async (tx) => {
    const { id, code } = await otpService(deps).issue(tx, purpose(target), u.id, { ttlMs: TTL_MS });
    await recordSigningStep(deps, tx, actor, target, {
      event: 'code_requested',
      audit: 'signature_code_sent',
      details: `Код отправлен ${channel === 'sms' ? 'по SMS' : 'на почту'}: ${maskContact(channel, to)}`,
      at: now,
      after: { codeId: id, channel },
    });
    return deps.outbox.add(tx, codeMessage(target, u, channel, to, code));
  });
  await deps.outbox.dispatch([messageId]);
  return {
    channel,
    sentTo: maskContact(channel, to),
    expiresAt: new Date(now.getTime() + TTL_MS).toISOString(),
  };
}

/**
 * Checks, before the code is spent, that the signer saw these very bytes. A refusal is audited in a
 * transaction of its own, so it outlives the request.
 */
export async function assertSameDocument(
  deps: AppDeps,
  actor: Actor,
  target: SignTarget,
  shown: string,
  current: string,
) {
  if (shown === current) return;
  await refused(deps, actor, target, 'DOCUMENT_CHANGED');
  throw new AppError('DOCUMENT_CHANGED', undefined, { fields: { documentHash: 'Документ изменился' } });
}

/**
 * Spends the code (outside any transaction, so a wrong code keeps its spent attempt); returns its id. A wrong
 * or expired code is audited in a transaction of its own.
 */
export async function verifySignatureCode(
  deps: AppDeps,
  actor: Actor,
  target: SignTarget,
  input: z.infer<typeof signRequestSchema>,
) {
  try {
    return (await otpService(deps).verify(deps.database.db, purpose(target), actor.user!.id, input.code)).id;
  } catch (e) {
    if (isAppError(e)) {
      await refused(deps, actor, target, e.code);
      throw new AppError(e.code, e.message, { fields: { code: e.message } });
    }
    throw e;
  }
}
