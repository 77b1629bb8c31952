import type { SessionResponse } from '@remed/core';
import { api, isApiError } from '../../app/api.ts';

/** Who the SMS code proved the person to be, and the ticket that lets them finish registering. */
export interface Verified {
  ticket: string;
  firstName: string;
  middleName: string | null;
  email: string | null;
}

export const messageOf = (e: unknown) =>
  isApiError(e) ? e.message : 'Не удалось выполнить действие. Повторите попытку';

export const requestCode = (phone: string) =>
  api.post<{ message: string }>('/api/onboarding/code', { phone });

export const verifyCode = (phone: string, code: string) =>
  api.post<Verified>('/api/onboarding/verify', { phone, code });

export const completeRegistration = (body: {
  phone: string;
  ticket: string;
  password: string;
  email: string | null;
  employerSharing: boolean;
}) => api.post<SessionResponse>('/api/onboarding/complete', { ...body, dataProcessing: true });
