import type { ComplaintView } from '@remed/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

export const complaintsKey = ['console', 'complaints'] as const;

export const useComplaints = (status: 'new' | 'decided') =>
  useQuery({
    queryKey: [...complaintsKey, status],
    queryFn: () => api.get<ComplaintView[]>(`/api/console/complaints?status=${status}`),
    staleTime: 0,
  });
