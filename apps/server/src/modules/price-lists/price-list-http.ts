import type { Role } from '@remed/core';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';

/** Clinic staff for their own clinics; the service's administrators for any (assertClinicAccess decides). */
const CABINET: readonly Role[] = ['clinic_user', 'admin'];
export const cabinet = { access: CABINET };
export const tags = ['price lists'];
export const base = '/api/clinics/:clinicId/price-lists';

export const versionParams = clinicParamsSchema.extend({
  versionId: z.uuid('Неверный идентификатор версии'),
});
export const rowParams = versionParams.extend({ rowId: z.uuid('Неверный идентификатор строки') });
export const formatParams = z.object({ format: z.enum(['xlsx', 'csv']) });

export const contentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};
