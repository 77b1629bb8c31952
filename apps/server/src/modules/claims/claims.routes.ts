import {
  claimViewSchema,
  payoutDetailsSchema,
  payoutDetailsViewSchema,
  repaymentDetailsSchema,
  repaymentSchema,
  reviewDecisionSchema,
  reviewPreviewResultSchema,
  reviewPreviewSchema,
  sbpBankSchema,
  submitClaimSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parsePayoutNotification } from '../../integrations/payouts/yookassa-client.ts';
import { createQrReader, type QrReading } from '../../integrations/qr/qr-decoder.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { errorResponses, idParamsSchema, okResponseSchema } from '../../platform/schemas.ts';
import { fullNameOf } from '../insurance/insurance.service.ts';
import { claimViews } from './claim-view.ts';
import type { ClaimsService } from './claims.service.ts';
import { available } from './owing.ts';
import type { PayoutsService } from './payouts.service.ts';

const insured = { access: ['insured'] as const };

function unreadable(reading: Exclude<QrReading, { ok: true }>, maxPixels: number): AppError {
  switch (reading.reason) {
    case 'not_found':
      return new AppError('QR_NOT_FOUND');
    case 'timeout':
      return new AppError('QR_TIMEOUT');
    case 'too_many_pixels':
      return new AppError(
        'IMAGE_TOO_LARGE',
        `Фото больше ${Math.floor(maxPixels / 1_000_000)} мегапикселей. Уменьшите его или сфотографируйте чек обычной камерой телефона`,
        { fields: { photo: 'Слишком большое фото' } },
      );
    case 'busy':
      return new AppError('UNAVAILABLE', 'Сейчас обрабатывается много фото. Повторите через минуту');
    case 'failed':
      return new AppError('INTERNAL', `QR decoding failed: ${reading.error}`);
  }
}

export function claimsRoutes(
  deps: AppDeps,
  claimsSvc: ClaimsService,
  payoutsSvc: PayoutsService,
): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const viewOf = async (actor: Actor, id: string) =>
    (await claimViews(db, [await claimsSvc.getMine(actor, id)]))[0]!;
  return async (app) => {
    const qrReader = createQrReader(deps.config.qr);
    app.addHook('onClose', () => qrReader.close());
    app.post(
      '/api/me/claims',
      {
        config: insured,
        schema: {
          tags: ['claims'],
          summary: 'Отправить чек по гарантийному письму (строка QR-кода)',
          body: submitClaimSchema,
          response: { 201: claimViewSchema, ...errorResponses },
        },
      },
      async (req, reply) => reply.status(201).send(await claimsSvc.submit(req.actor, req.body)),
    );
    app.post(
      '/api/me/claims/photo',
      {
        config: insured,
        schema: {
          tags: ['claims'],
          summary: 'Отправить фото чека (multipart: letterId, photo): QR-код читается на сервере',
          consumes: ['multipart/form-data'],
          response: { 201: claimViewSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        let letterId = '';
        let photo: Buffer | null = null;
        for await (const part of req.parts({ limits: { fileSize: 15 * 1024 * 1024, files: 1 } })) {
          if (part.type === 'file') {
            photo = await part.toBuffer();
            if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', 'Фото больше 15 МБ');
          } else if (part.fieldname === 'letterId' && typeof part.value === 'string') letterId = part.value;
        }
        if (!photo?.length)
          throw new AppError('VALIDATION_FAILED', 'Приложите фото чека', {
            fields: { photo: 'Приложите фото чека' },
          });
        const reading = await qrReader.read(photo);
        if (!reading.ok) throw unreadable(reading, deps.config.qr.maxPixels);
        const body = submitClaimSchema.safeParse({ letterId, qr: reading.text, source: 'photo' });
        if (!body.success)
          throw new AppError('VALIDATION_FAILED', body.error.issues[0]?.message, {
            fields: { letterId: 'Выберите гарантийное письмо' },
          });
        return reply.status(201).send(await claimsSvc.submit(req.actor, body.data));
      },
    );
    app.get(
      '/api/me/claims',
      {
        config: insured,
        schema: {
          tags: ['claims'],
          summary: 'Мои чеки и возмещения',
          response: { 200: z.array(claimViewSchema), ...errorResponses },
        },
      },
      async (req) => claimViews(db, await claimsSvc.listMine(req.actor)),
    );
    app.get(
      '/api/me/claims/:id',
      {
        config: insured,
        schema: {
          tags: ['claims'],
          params: idParamsSchema,
          response: { 200: claimViewSchema, ...errorResponses },
        },
      },
      (req) => viewOf(req.actor, req.params.id),
    );
    app.post(
      '/api/me/claims/:id/retry-payout',
      {
        config: insured,
        schema: {
          tags: ['claims'],
          summary: 'Повторить перевод после отказа банка',
          params: idParamsSchema,
          response: { 200: okResponseSchema, ...errorResponses },
        },
      },
      async (req) => {
        await payoutsSvc.retry(req.actor, req.params.id);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/me/repayment',
      {
        config: insured,
        schema: {
          tags: ['claims'],
          summary: 'Долг по удержаниям и реквизиты сервиса для возврата переводом',
          response: { 200: repaymentDetailsSchema, ...errorResponses },
        },
      },
      async (req) => {
        const person = await claimsSvc.personOf(req.actor);
        const owed = await available(db, person.id);
        const s = deps.config.serviceParty;
        return {
          debt: Math.max(0, -owed),
          recipient: {
            name: s.shortName,
            inn: s.inn,
            kpp: s.kpp,
            bankName: s.bankName,
            bik: s.bik,
            settlementAccount: s.settlementAccount,
            correspondentAccount: s.correspondentAccount,
          },
          purpose: `Возврат возмещения по ДМС, ${fullNameOf(person)}. Без НДС`,
        };
      },
    );
    app.get(
      '/api/me/payout-details',
      {
        config: insured,
        schema: {
          tags: ['claims'],
          summary: 'Куда переводить деньги по СБП',
          response: { 200: payoutDetailsViewSchema, ...errorResponses },
        },
      },
      async (req) => {
        const p = await claimsSvc.personOf(req.actor);
        return { phone: p.payoutPhone, bankId: p.payoutBankId, bankName: p.payoutBankName };
      },
    );
    app.put(
      '/api/me/payout-details',
      {
        config: insured,
        schema: {
          tags: ['claims'],
          summary: 'Телефон и банк для СБП',
          body: payoutDetailsSchema,
          response: { 200: payoutDetailsViewSchema, ...errorResponses },
        },
      },
      (req) => payoutsSvc.setDetails(req.actor, req.body),
    );
    app.get(
      '/api/sbp-banks',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['claims'],
          summary: 'Банки — участники СБП',
          response: { 200: z.array(sbpBankSchema) },
        },
      },
      () => deps.payoutProvider.banks(),
    );
    app.get(
      '/api/console/reviews',
      {
        config: { access: ['console_doctor'] },
        schema: {
          tags: ['claims'],
          summary: 'Чеки на ручной проверке',
          response: { 200: z.array(claimViewSchema) },
        },
      },
      async (req) => claimViews(db, await claimsSvc.reviewQueue(req.actor)),
    );
    app.post(
      '/api/console/reviews/:id',
      {
        config: { access: ['console_doctor'] },
        schema: {
          tags: ['claims'],
          summary:
            'Решение по чеку: по каждой позиции — строка письма (или «нет в письме») и, если меньше, сумма; или отказ',
          params: idParamsSchema,
          body: reviewDecisionSchema,
          response: { 200: okResponseSchema, ...errorResponses },
        },
      },
      async (req) => {
        await claimsSvc.review(req.actor, req.params.id, req.body);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/console/reviews/:id/preview',
      {
        config: { access: ['console_doctor'] },
        schema: {
          tags: ['claims'],
          summary: 'Сколько будет возмещено при таком решении (ничего не сохраняет)',
          params: idParamsSchema,
          body: reviewPreviewSchema,
          response: { 200: reviewPreviewResultSchema, ...errorResponses },
        },
      },
      async (req) => {
        const { decision, explanation } = await claimsSvc.reviewPreview(req.params.id, req.body.lines);
        return {
          status: decision.status,
          reasons: decision.reasons,
          reimbursement: decision.reimbursement,
          cashback: decision.cashback,
          summary: explanation.summary,
          lines: decision.lines.map((l, n) => ({
            item: l.item,
            approved: l.approved,
            text: explanation.lines[n] ?? '',
          })),
        };
      },
    );
    app.post(
      '/api/admin/insured/:id/repayments',
      {
        config: { access: ['admin'] },
        schema: {
          tags: ['claims'],
          summary: 'Учесть деньги, которые застрахованный вернул по удержанию (перевод на счёт сервиса)',
          params: idParamsSchema,
          body: repaymentSchema,
          response: { 200: okResponseSchema, ...errorResponses },
        },
      },
      async (req) => {
        await payoutsSvc.recordRepayment(req.actor, req.params.id, req.body);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/webhooks/yookassa',
      {
        // The provider posts without a browser session, so no CSRF token; the body is only a hint to re-read.
        config: { access: 'public', csrf: false },
        schema: {
          tags: ['claims'],
          summary: 'Уведомления о выплатах (payout.succeeded, payout.canceled)',
          response: { 200: z.object({ accepted: z.boolean() }) },
        },
      },
      async (req) => {
        const n = parsePayoutNotification(req.body);
        return { accepted: n ? await payoutsSvc.notified(n.providerId) : false };
      },
    );
    app.get(
      '/api/admin/reconciliation',
      {
        config: { access: ['admin'] },
        schema: {
          tags: ['claims'],
          summary: 'Сверка: выплачено = одобрено − открытые удержания',
          response: {
            200: z.object({
              people: z.array(
                z.object({
                  insuredPersonId: z.uuid(),
                  fullName: z.string(),
                  policyNumber: z.string().nullable(),
                  owed: z.number().int(),
                  paid: z.number().int(),
                  inFlight: z.number().int(),
                  difference: z.number().int(),
                }),
              ),
              total: z.object({
                owed: z.number().int(),
                paid: z.number().int(),
                inFlight: z.number().int(),
                difference: z.number().int(),
              }),
            }),
          },
        },
      },
      () => payoutsSvc.reconciliation(),
    );
  };
}
