import type { UserView } from '@remed/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../app/api.ts';

interface UserFilters {
  q: string;
  role: string | null;
  blocked: string | null;
  page: number;
}

export const PAGE_SIZE = 20;

interface Organisations {
  clinics: { id: string; name: string }[];
  insurers: { id: string; name: string }[];
  policyholders: { id: string; name: string }[];
}

export const usersKey = ['admin', 'users'] as const;

export const useUsers = (f: UserFilters) =>
  useQuery({
    queryKey: [...usersKey, f],
    queryFn: () =>
      api.get<{ items: UserView[]; total: number }>(
        `/api/admin/users${queryString({
          q: f.q.trim(),
          role: f.role,
          blocked: f.blocked,
          limit: PAGE_SIZE,
          offset: (f.page - 1) * PAGE_SIZE,
        })}`,
      ),
    placeholderData: keepPreviousData,
  });

export const useOrganisations = () =>
  useQuery({
    queryKey: ['admin', 'organisations'],
    queryFn: () => api.get<Organisations>('/api/admin/organisations'),
    staleTime: 5 * 60_000,
  });

/** The first 200 users, for the «who» filters of the journals (audit, health-data views). */
export const useActors = () =>
  useQuery({
    queryKey: [...usersKey, 'actors'],
    queryFn: () => api.get<{ items: UserView[] }>('/api/admin/users?limit=200'),
    staleTime: 60_000,
  });
