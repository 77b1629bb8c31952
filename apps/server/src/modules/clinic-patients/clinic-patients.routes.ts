import {
  clinicPatientsFilterSchema,
  clinicPatientsQuerySchema,
  clinicPatientViewSchema,
  clinicProgramOptionSchema,
  pageOf,
  tableFormatSchema,
} from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clinicCabinet, clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { sendFile } from '../../platform/send-file.ts';
import { TABLE_CONTENT_TYPES } from '../insurance/table-files.ts';
import { exportPatients } from './export-patients.ts';
import { listClinicPrograms } from './list-clinic-programs.ts';
import { listPatients } from './list-patients.ts';

const tags = ['clinic cabinet'];

/** A clinic's lists of attached and detached insured people, on screen and as a file. */
export function clinicPatientsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clinics/:clinicId/patients',
      endpoint(clinicCabinet, tags, 'Списки прикрепления и открепления застрахованных к клинике', {
        params: clinicParamsSchema,
        querystring: clinicPatientsQuerySchema,
        response: { 200: pageOf(clinicPatientViewSchema) },
      }),
      (req) => listPatients(deps, req.actor, req.params.clinicId, req.query),
    );
    app.get(
      '/api/clinics/:clinicId/patients/programs',
      endpoint(clinicCabinet, tags, 'Программы ДМС, в которые входит клиника', {
        params: clinicParamsSchema,
        response: { 200: z.array(clinicProgramOptionSchema) },
      }),
      (req) => listClinicPrograms(deps, req.actor, req.params.clinicId),
    );
    app.get(
      '/api/clinics/:clinicId/patients/export.:format',
      endpoint(clinicCabinet, tags, 'Списки прикрепления в файле XLSX или CSV (с теми же фильтрами)', {
        params: clinicParamsSchema.extend({ format: tableFormatSchema }),
        querystring: clinicPatientsFilterSchema,
      }),
      async (req, reply) => {
        const file = await exportPatients(deps, req.actor, req.params.clinicId, req.query, req.params.format);
        return sendFile(reply, { ...file, contentType: TABLE_CONTENT_TYPES[req.params.format] });
      },
    );
  };
}
