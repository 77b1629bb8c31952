import type { InsuredImportView, InsuredPersonView, ProgramView } from '@remed/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../app/api.ts';

export const INSURED_PAGE = 20;
export const insuranceKey = ['insurance'] as const;

export const usePrograms = () =>
  useQuery({
    queryKey: [...insuranceKey, 'programs'],
    queryFn: () => api.get<ProgramView[]>('/api/insurance/programs'),
  });

export const useInsured = (programId: string, q: string, page: number) =>
  useQuery({
    queryKey: [...insuranceKey, 'insured', programId, q, page],
    queryFn: () =>
      api.get<{ items: InsuredPersonView[]; total: number }>(
        `/api/insurance/programs/${programId}/insured${queryString({
          q: q.trim(),
          limit: INSURED_PAGE,
          offset: (page - 1) * INSURED_PAGE,
        })}`,
      ),
    placeholderData: keepPreviousData,
  });

const RUNNING = new Set<InsuredImportView['status']>(['queued', 'running']);

/** Follows an import until it finishes: every half second while it runs, then stops. */
export const useImport = (id: string | null) =>
  useQuery({
    queryKey: [...insuranceKey, 'import', id],
    queryFn: () => api.get<InsuredImportView>(`/api/insurance/imports/${id}`),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && !RUNNING.has(q.state.data.status) ? false : 500),
  });

export const isRunning = (i: InsuredImportView) => RUNNING.has(i.status);
