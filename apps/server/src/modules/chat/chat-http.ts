import type { Role } from '@remed/core';
import { z } from 'zod';
import { clinicParamsSchema } from '../../platform/clinic-access.ts';
import type { ChatSeat } from './chat-access.ts';

export const tags = ['chat'];
export const CLINIC: readonly Role[] = ['clinic_user'];
export const threadParams = z.object({ threadId: z.uuid('Неверный идентификатор переписки') });
export const clinicThreadParams = clinicParamsSchema.extend(threadParams.shape);
export const attachmentParams = z.object({ attachmentId: z.uuid('Неверный идентификатор файла') });

/** The clinic's seat for the clinic named in the path: whether the user is one of its people is checked there. */
export const clinicSeat = (params: { clinicId: string }): ChatSeat => ({
  side: 'clinic',
  clinicId: params.clinicId,
});
