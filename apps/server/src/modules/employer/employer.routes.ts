import { employeePayoutsSchema } from '@remed/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/deps.ts';
import { endpoint } from '../../platform/endpoint.ts';
import { listEmployeePayouts } from './list-employee-payouts.ts';

export function employerRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/employer/payouts',
      endpoint(
        { access: ['policyholder_user'] },
        ['employer'],
        'Возмещения сотрудникам: поимённо — только давшим согласие, остальные — одной суммой',
        { response: { 200: employeePayoutsSchema } },
      ),
      (req) => listEmployeePayouts(deps, req.actor),
    );
  };
}
