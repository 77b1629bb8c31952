import { type CashbackChange, type CashbackView, formatRub, percentHalfUp } from '@remed/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

/** Per clinic: the switcher in the header changes the clinic, and the page asks again. */
export const cashbackKey = (clinicId: string) => ['clinics', clinicId, 'cashback'] as const;

export const useCashback = (clinicId: string) =>
  useQuery({
    queryKey: cashbackKey(clinicId),
    queryFn: () => api.get<CashbackView>(`/api/clinics/${clinicId}/cashback`),
  });

export const changeCashback = (clinicId: string, values: CashbackChange) =>
  api.post<CashbackView>(`/api/clinics/${clinicId}/cashback`, values);

export const cancelCashbackChange = (clinicId: string, validFrom: string) =>
  api.delete<CashbackView>(`/api/clinics/${clinicId}/cashback/${validFrom}`);

/** A typical visit, to show what a percent means in rubles. */
const EXAMPLE_VISIT = 250_000;

/** «Пациент, оплативший {paid}, получит {back}» for a percent. */
export const cashbackExample = (percent: number) => ({
  paid: formatRub(EXAMPLE_VISIT, { short: true }),
  back: formatRub(percentHalfUp(EXAMPLE_VISIT, percent), { short: true }),
});
