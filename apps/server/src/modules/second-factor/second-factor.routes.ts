import {
  confirmEnrolmentRequestSchema,
  enrolmentStartResponseSchema,
  recoveryCodesResponseSchema,
  secondFactorStatusSchema,
  totpCodeSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { idParamsSchema, okResponseSchema } from '../../platform/schemas.ts';
import { confirmEnrolment } from './confirm-enrolment.ts';
import { regenerateRecoveryCodes } from './regenerate-recovery-codes.ts';
import { resetSecondFactor } from './reset-second-factor.ts';
import { secondFactorStatus } from './second-factor-status.ts';
import { startEnrolment } from './start-enrolment.ts';

const tags = ['auth: second factor'];
const self = { access: 'authenticated' } as const;

/** The signed-in user's own authenticator and recovery codes; an administrator's reset for a lost phone. */
export function secondFactorRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(ownSecondFactorRoutes(deps));
    await app.register(adminSecondFactorRoutes(deps));
  };
}

function ownSecondFactorRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/auth/second-factor',
      endpoint(self, tags, 'Вход с кодом из приложения: подключён ли, сколько осталось резервных кодов', {
        response: { 200: secondFactorStatusSchema },
      }),
      (req) => secondFactorStatus(deps, req.user!.id),
    );

    app.post(
      '/api/auth/second-factor/enrolment',
      endpoint(self, tags, 'Новый секрет и QR-код для приложения-аутентификатора', {
        response: { 200: enrolmentStartResponseSchema },
      }),
      (req) => startEnrolment(deps, req.actor),
    );

    app.post(
      '/api/auth/second-factor/enrolment/confirm',
      endpoint(
        self,
        tags,
        'Подтверждение кодом из приложения; ответ — резервные коды, показываются один раз',
        { body: confirmEnrolmentRequestSchema, response: { 200: recoveryCodesResponseSchema } },
      ),
      (req) => confirmEnrolment(deps, req.actor, req.sessionId, req.body.code),
    );

    app.post(
      '/api/auth/second-factor/recovery-codes',
      endpoint(self, tags, 'Новые резервные коды взамен всех старых', {
        body: z.object({ code: totpCodeSchema }),
        response: { 200: recoveryCodesResponseSchema },
      }),
      (req) => regenerateRecoveryCodes(deps, req.actor, req.body.code),
    );
  };
}

function adminSecondFactorRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const admin = { access: ['admin'] } as const;
  const adminTags = ['admin: users'];
  return async (app) => {
    app.get(
      '/api/admin/users/:id/second-factor',
      endpoint(admin, adminTags, 'Второй фактор пользователя: включён ли', {
        params: idParamsSchema,
        response: { 200: secondFactorStatusSchema },
      }),
      (req) => secondFactorStatus(deps, req.params.id),
    );

    app.post(
      '/api/admin/users/:id/second-factor/reset',
      endpoint(
        admin,
        adminTags,
        'Сбросить второй фактор (потерян телефон): пользователь подключит его заново',
        { params: idParamsSchema, response: { 200: okResponseSchema } },
      ),
      async (req) => {
        await resetSecondFactor(deps, req.actor, req.params.id);
        return { ok: true as const };
      },
    );
  };
}
