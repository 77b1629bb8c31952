import { claimViewSchema, submitClaimSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createQrReader, type QrReading } from '../../integrations/qr/qr-decoder.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { AppError } from '../../platform/errors.ts';
import { receiveUpload } from '../../platform/receive-upload.ts';
import { idParamsSchema } from '../../platform/schemas.ts';
import { claimReviewRoutes } from './claim-review.routes.ts';
import { listMyClaims, showMyClaim } from './my-claims.ts';
import { submitClaim } from './submit-claim.ts';

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

export function claimsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(claimReviewRoutes(deps));
    const qrReader = createQrReader(deps.config.qr);
    app.addHook('onClose', () => qrReader.close());
    app.post(
      '/api/me/claims',
      endpoint(insured, ['claims'], 'Отправить чек по гарантийному письму (строка QR-кода)', {
        body: submitClaimSchema,
        response: { 201: claimViewSchema },
      }),
      async (req, reply) => reply.status(201).send(await submitClaim(deps, req.actor, req.body)),
    );
    app.post(
      '/api/me/claims/photo',
      endpoint(
        insured,
        ['claims'],
        'Отправить фото чека (multipart: letterId, photo): QR-код читается на сервере',
        { consumes: ['multipart/form-data'], response: { 201: claimViewSchema } },
      ),
      async (req, reply) => {
        const form = await receiveUpload(req, { field: 'photo', maxBytes: 15 * 1024 * 1024, label: 'Фото' });
        const letterId = form.fields.letterId ?? '';
        const photo = form.files[0]?.content;
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
        return reply.status(201).send(await submitClaim(deps, req.actor, body.data));
      },
    );
    app.get(
      '/api/me/claims',
      endpoint(insured, ['claims'], 'Мои чеки и возмещения', { response: { 200: z.array(claimViewSchema) } }),
      (req) => listMyClaims(deps, req.actor),
    );
    app.get(
      '/api/me/claims/:id',
      endpoint(insured, ['claims'], 'Заявка на возмещение', {
        params: idParamsSchema,
        response: { 200: claimViewSchema },
      }),
      (req) => showMyClaim(deps, req.actor, req.params.id),
    );
  };
}
