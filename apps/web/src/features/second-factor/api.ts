import type { EnrolmentStartResponse, RecoveryCodesResponse, SecondFactorStatus } from '@remed/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

export const secondFactorKey = ['second-factor'] as const;

export const useOwnSecondFactor = () =>
  useQuery({
    queryKey: secondFactorKey,
    queryFn: () => api.get<SecondFactorStatus>('/api/auth/second-factor'),
  });

export const startEnrolment = () => api.post<EnrolmentStartResponse>('/api/auth/second-factor/enrolment');

export const confirmEnrolment = (code: string) =>
  api.post<RecoveryCodesResponse>('/api/auth/second-factor/enrolment/confirm', { code });

export const regenerateRecoveryCodes = (code: string) =>
  api.post<RecoveryCodesResponse>('/api/auth/second-factor/recovery-codes', { code });

/** «ABCD EFGH …»: easier to type into an app by hand than one long run of letters. */
export const groupSecret = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;
