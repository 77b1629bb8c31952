import type { ClaimStatus, ClaimView } from '@remed/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

export interface PayoutDetails {
  phone: string | null;
  bankId: string | null;
  bankName: string | null;
}

interface SbpBank {
  bankId: string;
  name: string;
  bic: string;
}

export const claimsKey = ['me', 'claims'] as const;
export const payoutDetailsKey = ['me', 'payout-details'] as const;

/** Statuses that no longer change by themselves: the page stops asking the server. */
const FINAL_STATUSES: readonly ClaimStatus[] = ['rejected', 'paid', 'payout_failed', 'clawback'];
const isFinal = (s: ClaimStatus) => FINAL_STATUSES.includes(s);

/** The claim moves on its own (receipt from the FNS, decision, bank): refresh every 2 s until it settles. */
const POLL_MS = 2_000;

export const useMyClaims = () =>
  useQuery({
    queryKey: claimsKey,
    queryFn: () => api.get<ClaimView[]>('/api/me/claims'),
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.some((c) => !isFinal(c.status)) ? POLL_MS : false),
  });

export const useClaim = (id: string) =>
  useQuery({
    queryKey: [...claimsKey, id],
    queryFn: () => api.get<ClaimView>(`/api/me/claims/${id}`),
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && isFinal(q.state.data.status) ? false : POLL_MS),
  });

export const usePayoutDetails = () =>
  useQuery({ queryKey: payoutDetailsKey, queryFn: () => api.get<PayoutDetails>('/api/me/payout-details') });

export const useSbpBanks = () =>
  useQuery({
    queryKey: ['sbp-banks'],
    queryFn: () => api.get<SbpBank[]>('/api/sbp-banks'),
    staleTime: 60 * 60_000,
  });

export const STATUS_COLOR: Record<ClaimStatus, string> = {
  waiting_receipt: 'blue',
  manual_review: 'yellow',
  approved: 'teal',
  partially_approved: 'teal',
  rejected: 'red',
  payout_pending: 'blue',
  paid: 'green',
  payout_failed: 'red',
  clawback: 'grape',
};

/** «+79161234567» → «+7 916 123-45-67». */
export function prettyPhone(phone: string | null): string {
  const d = phone?.replace(/\D/g, '') ?? '';
  if (d.length !== 11) return phone ?? '—';
  return `+7 ${d.slice(1, 4)} ${d.slice(4, 7)}-${d.slice(7, 9)}-${d.slice(9, 11)}`;
}
