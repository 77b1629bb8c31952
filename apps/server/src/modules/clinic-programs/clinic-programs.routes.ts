import { clinicProgramsSchema, programJoiningSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { idParamsSchema, okResponseSchema } from '../../platform/schemas.ts';
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
      endpoint(
        { access: ['clinic_user', 'admin'] },
        ['clinic cabinet'],
        'Программы ДМС клиники и открытые для присоединения',
        { params: clinicParamsSchema, response: { 200: clinicProgramsSchema } },
      ),
      (req) => listClinicPrograms(deps, req.actor, req.params.clinicId),
    );
    app.post(
      '/api/clinics/:clinicId/programs/:programId/join',
      endpoint(
        { access: ['clinic_user', 'admin'] },
        ['clinic cabinet'],
        'Присоединиться к программе (нужны подписанный договор и прейскурант)',
        { params: clinicProgramParams, response: { 200: okResponseSchema } },
      ),
      async (req) => {
        await joinProgram(deps, req.actor, req.params.clinicId, req.params.programId);
        return { ok: true as const };
      },
    );
    app.delete(
      '/api/clinics/:clinicId/programs/:programId',
      endpoint(
        { access: ['clinic_user', 'admin'] },
        ['clinic cabinet'],
        'Выйти из программы (выданные письма остаются в силе)',
        { params: clinicProgramParams, response: { 200: okResponseSchema } },
      ),
      async (req) => {
        await leaveProgram(deps, req.actor, req.params.clinicId, req.params.programId);
        return { ok: true as const };
      },
    );
    app.patch(
      '/api/insurance/programs/:id/joining',
      endpoint(
        { access: ['insurer_user', 'admin'] },
        ['insurance'],
        'Открыть программу для самостоятельного присоединения клиник или закрыть её',
        { params: idParamsSchema, body: programJoiningSchema, response: { 200: okResponseSchema } },
      ),
      async (req) => {
        await setProgramJoining(deps, req.actor, req.params.id, req.body.clinicsMayJoin);
        return { ok: true as const };
      },
    );
  };
}
