import { useDebouncedValue } from '@mantine/hooks';
import { type ClaimView, REASON_TEXT, type ReasonCode } from '@remed/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { type LineChoice, type Preview, toLines } from './decisionLines.ts';

export const reviewsKey = ['console', 'reviews'] as const;

export const useReviews = () =>
  useQuery({
    queryKey: reviewsKey,
    queryFn: () => api.get<ClaimView[]>('/api/console/reviews'),
    staleTime: 0,
    refetchInterval: 30_000,
  });

export const reasonText = (code: string) => REASON_TEXT[code as ReasonCode] ?? code;

/** The decision the current choices would make, asked for a moment after the reviewer stops changing them. */
export function usePreview(claim: ClaimView, choices: LineChoice[]) {
  const [debounced] = useDebouncedValue(choices, 350);
  return useQuery({
    queryKey: ['console', 'reviews', claim.id, 'preview', debounced],
    queryFn: () =>
      api.post<Preview>(`/api/console/reviews/${claim.id}/preview`, { lines: toLines(claim, debounced) }),
    retry: false,
  });
}

export type ReviewAction = 'approve' | 'reject';

export const decideReview = (
  claimId: string,
  body: { action: ReviewAction; note: string; lines?: ReturnType<typeof toLines> },
) => api.post(`/api/console/reviews/${claimId}`, body);
