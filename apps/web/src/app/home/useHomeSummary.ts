import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';

interface HomeSummary {
  admin?: {
    users: number;
    blockedUsers: number;
    activeSessions: number;
    outboxPending: number;
    auditToday: number;
  };
  clinics?: { id: string; name: string; priceItems: number }[];
}

export const useHomeSummary = () =>
  useQuery({ queryKey: ['home'], queryFn: () => api.get<HomeSummary>('/api/home') });
