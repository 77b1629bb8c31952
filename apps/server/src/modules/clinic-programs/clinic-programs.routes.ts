import { clinicProgramsSchema, programJoiningSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { errorResponses, idParamsSchema, okResponseSchema } from '../../platform/schemas.ts';
import { joinProgram } from './join-program.ts';
import { leaveProgram } from './leave-program.ts';
import { listClinicPrograms } from './list-clinic-programs.ts';
import { setProgramJoining } from './set-program-joining.ts';

const clinicProgramParams = clinicParamsSchema.extend({
  programId: z.uuid('Неверный идентификатор программы'),
});

/** Clinics joining and leaving reimbursement programs, and insurers opening them to clinics. */
export function clinicProgramsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clinics/:clinicId/programs',
      {
        config: { access: ['clinic_user', 'admin'] },
        schema: {
          tags: ['clinic cabinet'],
          summary: 'Программы ДМС клиники и открытые для присоединения',
          params: clinicParamsSchema,
          response: { 200: clinicProgramsSchema, ...errorResponses },
        },
      },
      (req) => listClinicPrograms(deps, req.actor, req.params.clinicId),
    );
    app.post(
      '/api/clinics/:clinicId/programs/:programId/join',
      {
        config: { access: ['clinic_user', 'admin'] },
        schema: {
          tags: ['clinic cabinet'],
          summary: 'Присоединиться к программе (нужны подписанный договор и прейскурант)',
          params: clinicProgramParams,
          response: { 200: okResponseSchema, ...errorResponses },
        },
      },
      async (req) => {
        await joinProgram(deps, req.actor, req.params.clinicId, req.params.programId);
        return { ok: true as const };
      },
    );
    app.delete(
      '/api/clinics/:clinicId/programs/:programId',
      {
        config: { access: ['clinic_user', 'admin'] },
        schema: {
          tags: ['clinic cabinet'],
          summary: 'Выйти из программы (выданные письма остаются в силе)',
          params: clinicProgramParams,
          response: { 200: okResponseSchema, ...errorResponses },
        },
      },
      async (req) => {
        await leaveProgram(deps, req.actor, req.params.clinicId, req.params.programId);
        return { ok: true as const };
      },
    );
    app.patch(
      '/api/insurance/programs/:id/joining',
      {
        config: { access: ['insurer_user', 'admin'] },
        schema: {
          tags: ['insurance'],
          summary: 'Открыть программу для самостоятельного присоединения клиник или закрыть её',
          params: idParamsSchema,
          body: programJoiningSchema,
          response: { 200: okResponseSchema, ...errorResponses },
        },
      },
      async (req) => {
        await setProgramJoining(deps, req.actor, req.params.id, req.body.clinicsMayJoin);
        return { ok: true as const };
      },
    );
  };
}
