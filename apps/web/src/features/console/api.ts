import type { CaseView, HelpRequestView, RankedClinic } from '@remed/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../app/api.ts';

export type RequestStatus = HelpRequestView['status'];
export type Verdict = 'covered' | 'excluded' | 'needs_approval' | 'not_covered';

export interface ServiceHit {
  serviceCode: string;
  name: string;
  clinics: number;
  minPrice: number;
}

export interface ChosenService {
  serviceCode: string;
  name: string;
  quantity: number;
}

export interface Coverage {
  lines: { serviceCode: string; name: string; verdict: Verdict }[];
  annualLimit: number | null;
  annualLeft: number | null;
  franchisePercent: number;
  allAllowed: boolean;
}

const consoleKey = ['console'] as const;
export const requestsKey = [...consoleKey, 'requests'] as const;
export const caseKey = (id: string) => [...consoleKey, 'case', id] as const;

export const useConsoleRequests = (status: RequestStatus) =>
  useQuery({
    queryKey: [...requestsKey, status],
    queryFn: () => api.get<HelpRequestView[]>(`/api/console/requests${queryString({ status })}`),
    refetchInterval: 30_000,
  });

export const useCase = (id: string) =>
  useQuery({ queryKey: caseKey(id), queryFn: () => api.get<CaseView>(`/api/console/cases/${id}`) });

export const useServiceSearch = (raw: string) => {
  const q = raw.trim();
  return useQuery({
    queryKey: [...consoleKey, 'services', q],
    queryFn: () => api.get<ServiceHit[]>(`/api/console/services${queryString({ q })}`),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
};

export const useIcd10 = (q: string) =>
  useQuery({
    queryKey: [...consoleKey, 'icd10', q],
    queryFn: () => api.get<{ code: string; name: string }[]>(`/api/console/icd10${queryString({ q })}`),
    enabled: q.trim().length >= 1,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });

const body = (services: ChosenService[], approved: string[]) => ({
  services: services.map((s) => ({ serviceCode: s.serviceCode, quantity: s.quantity })),
  approvedCodes: approved,
});

export const useCoverage = (caseId: string, services: ChosenService[], approved: string[]) =>
  useQuery({
    queryKey: [...caseKey(caseId), 'coverage', body(services, approved)],
    queryFn: () => api.post<Coverage>(`/api/console/cases/${caseId}/coverage`, body(services, approved)),
    enabled: services.length > 0,
    placeholderData: keepPreviousData,
  });

export const useRankedClinics = (caseId: string, services: ChosenService[], approved: string[]) =>
  useQuery({
    queryKey: [...caseKey(caseId), 'clinics', body(services, approved)],
    queryFn: () => api.post<RankedClinic[]>(`/api/console/cases/${caseId}/clinics`, body(services, approved)),
    enabled: services.length > 0,
    placeholderData: keepPreviousData,
  });

export const issueBody = body;

export const VERDICT: Record<Verdict, { label: string; color: string }> = {
  covered: { label: 'Входит', color: 'teal' },
  excluded: { label: 'Исключение', color: 'red' },
  needs_approval: { label: 'Нужно согласование', color: 'yellow' },
  not_covered: { label: 'Не входит', color: 'gray' },
};
