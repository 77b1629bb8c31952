import type { SignatureCodeResponse, signRequestSchema } from '@remed/core';
import type { z } from 'zod';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { otpService } from '../../platform/otp.ts';
import { addEvent } from './edo.repository.ts';

const TTL_MS = 10 * 60_000;

/** +7 916 ***-**-67 or o***@clinic.ru: enough to recognise, not enough to harvest. */
export function maskContact(channel: 'sms' | 'email', to: string): string {
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

/**
 * The simple electronic signature's key: a one-time code bound to one document and one user, sent to the
 * user's phone or e-mail. Refusals are audited in a transaction of their own, so they outlive the request.
 */
export function signingService(deps: AppDeps) {
  const { database, clock, ids } = deps;
  const db = database.db;
  const otp = otpService(deps);

  async function refused(actor: Actor, target: SignTarget, reason: string) {
    await db.transaction((tx) =>
      writeAudit(tx, clock, actor, {
        action: `${target.entity === 'contract' ? 'clinic_contract' : 'clinic_document'}.signature_refused`,
        entityType: target.entity === 'contract' ? 'clinic_contract' : 'clinic_document',
        entityId: target.id,
        after: { reason },
      }),
    );
  }

  return {
    async requestCode(
      actor: Actor,
      target: SignTarget,
      wanted: 'sms' | 'email' | undefined,
    ): Promise<SignatureCodeResponse> {
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
      const messageId = await db.transaction(async (tx) => {
        const { id, code } = await otp.issue(tx, purpose(target), u.id, { ttlMs: TTL_MS });
        await addEvent(tx, {
          id: ids.uuid(),
          clinicId: target.clinicId,
          [target.entity === 'contract' ? 'contractId' : 'documentId']: target.id,
          action: 'code_requested',
          actor,
          details: `Код отправлен ${channel === 'sms' ? 'по SMS' : 'на почту'}: ${maskContact(channel, to)}`,
          at: now,
        });
        await writeAudit(tx, clock, actor, {
          action: `${target.entity === 'contract' ? 'clinic_contract' : 'clinic_document'}.signature_code_sent`,
          entityType: target.entity === 'contract' ? 'clinic_contract' : 'clinic_document',
          entityId: target.id,
          after: { codeId: id, channel },
        });
        const text = `Код для подписания документа «${target.title}»: ${code}. Код действует 10 минут. Никому его не сообщайте.`;
        return channel === 'sms'
          ? deps.outbox.add(tx, { channel: 'sms', to, body: `remed: ${text}` })
          : deps.outbox.add(tx, {
              channel: 'email',
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
            });
      });
      await deps.outbox.dispatch([messageId]);
      return {
        channel,
        sentTo: maskContact(channel, to),
        expiresAt: new Date(now.getTime() + TTL_MS).toISOString(),
      };
    },

    /** Checks, before the code is spent, that the signer saw these very bytes. */
    async assertSameDocument(actor: Actor, target: SignTarget, shown: string, current: string) {
      if (shown === current) return;
      await refused(actor, target, 'DOCUMENT_CHANGED');
      throw new AppError('DOCUMENT_CHANGED', undefined, { fields: { documentHash: 'Документ изменился' } });
    },

    /** Spends the code (outside any transaction, so a wrong code keeps its spent attempt); returns its id. */
    async verifyCode(actor: Actor, target: SignTarget, input: z.infer<typeof signRequestSchema>) {
      try {
        return (await otp.verify(db, purpose(target), actor.user!.id, input.code)).id;
      } catch (e) {
        if (isAppError(e)) {
          await refused(actor, target, e.code);
          throw new AppError(e.code, e.message, { fields: { code: e.message } });
        }
        throw e;
      }
    },
  };
}
