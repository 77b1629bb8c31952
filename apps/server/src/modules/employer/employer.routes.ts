import { employeePayoutsSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/deps.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { listEmployeePayouts } from './list-employee-payouts.ts';

export function employerRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/employer/payouts',
      {
        config: { access: ['policyholder_user'] },
        schema: {
          tags: ['employer'],
          summary: 'Возмещения сотрудникам: поимённо — только давшим согласие, остальные — одной суммой',
          response: { 200: employeePayoutsSchema, ...errorResponses },
        },
      },
      (req) => listEmployeePayouts(deps, req.actor),
    );
  };
}
