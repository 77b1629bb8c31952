import { type ClaimView, REASON_TEXT, type ReasonCode } from '@remed/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

export const reviewsKey = ['console', 'reviews'] as const;

export const useReviews = () =>
  useQuery({
    queryKey: reviewsKey,
    queryFn: () => api.get<ClaimView[]>('/api/console/reviews'),
    staleTime: 0,
    refetchInterval: 30_000,
  });

export const reasonText = (code: string) => REASON_TEXT[code as ReasonCode] ?? code;
