import type { CashbackView } from '@remed/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

/** Per clinic: the switcher in the header changes the clinic, and the page asks again. */
export const cashbackKey = (clinicId: string) => ['clinics', clinicId, 'cashback'] as const;

export const useCashback = (clinicId: string) =>
  useQuery({
    queryKey: cashbackKey(clinicId),
    queryFn: () => api.get<CashbackView>(`/api/clinics/${clinicId}/cashback`),
  });
