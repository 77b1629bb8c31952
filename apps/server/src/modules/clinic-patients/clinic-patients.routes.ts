import {
  clinicPatientsFilterSchema,
  clinicPatientsQuerySchema,
  clinicPatientViewSchema,
  clinicProgramOptionSchema,
  pageOf,
  type Role,
  tableFormatSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { TABLE_CONTENT_TYPES } from '../insurance/table-files.ts';
import type { ClinicPatientsService } from './clinic-patients.service.ts';

const READERS: readonly Role[] = ['clinic_user', 'admin'];
const tags = ['clinic cabinet'];

export function clinicPatientsRoutes(patients: ClinicPatientsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clinics/:clinicId/patients',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: 'Списки прикрепления и открепления застрахованных к клинике',
          params: clinicParamsSchema,
          querystring: clinicPatientsQuerySchema,
          response: { 200: pageOf(clinicPatientViewSchema), ...errorResponses },
        },
      },
      (req) => patients.list(req.actor, req.params.clinicId, req.query),
    );
    app.get(
      '/api/clinics/:clinicId/patients/programs',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: 'Программы ДМС, в которые входит клиника',
          params: clinicParamsSchema,
          response: { 200: z.array(clinicProgramOptionSchema), ...errorResponses },
        },
      },
      (req) => patients.programs(req.actor, req.params.clinicId),
    );
    app.get(
      '/api/clinics/:clinicId/patients/export.:format',
      {
        config: { access: READERS },
        schema: {
          tags,
          summary: 'Списки прикрепления в файле XLSX или CSV (с теми же фильтрами)',
          params: clinicParamsSchema.extend({ format: tableFormatSchema }),
          querystring: clinicPatientsFilterSchema,
        },
      },
      async (req, reply) => {
        const file = await patients.export(req.actor, req.params.clinicId, req.query, req.params.format);
        return reply
          .header('content-type', TABLE_CONTENT_TYPES[req.params.format])
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.content);
      },
    );
  };
}
