import type { HomeSummary } from '@remed/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';

export const useHomeSummary = () =>
  useQuery({ queryKey: ['home'], queryFn: () => api.get<HomeSummary>('/api/home') });
