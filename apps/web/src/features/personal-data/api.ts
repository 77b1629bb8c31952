import type { AdminHealthView, HealthView, MyConsent, PersonRef } from '@remed/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../app/api.ts';

interface ViewPage<T> {
  items: T[];
  next: string | null;
}

export const myDataConsentsKey = ['me', 'personal-data', 'consents'] as const;

export const useMyDataConsents = () =>
  useQuery({
    queryKey: myDataConsentsKey,
    queryFn: () => api.get<MyConsent[]>('/api/me/personal-data/consents'),
  });

export const useMyViews = () =>
  useInfiniteQuery({
    queryKey: ['me', 'personal-data', 'views'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.get<ViewPage<HealthView>>(
        `/api/me/personal-data/views${queryString({ before: pageParam, limit: 20 })}`,
      ),
    getNextPageParam: (last) => last.next,
  });

export interface ViewFilters {
  personId: string | null;
  userId: string | null;
  from: string;
  to: string;
}

export const useAdminViews = (f: ViewFilters) =>
  useInfiniteQuery({
    queryKey: ['admin', 'personal-data', 'views', f],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.get<ViewPage<AdminHealthView>>(
        `/api/admin/personal-data/views${queryString({ ...f, before: pageParam, limit: 50 })}`,
      ),
    getNextPageParam: (last) => last.next,
  });

export const usePersonSearch = (q: string) =>
  useQuery({
    queryKey: ['admin', 'personal-data', 'persons', q],
    queryFn: () => api.get<PersonRef[]>(`/api/admin/personal-data/persons${queryString({ q })}`),
    enabled: q.trim().length >= 2,
  });

interface Operator {
  name: string;
  inn: string;
  ogrn: string;
  address: string;
  email: string;
  phone: string;
}

export const useOperator = () =>
  useQuery({
    queryKey: ['privacy', 'operator'],
    queryFn: () => api.get<Operator>('/api/privacy/operator'),
    staleTime: 60 * 60_000,
  });
