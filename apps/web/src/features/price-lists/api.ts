import type {
  PriceListDiffView,
  PriceListOverview,
  PriceListRowView,
  PriceListVersionDetail,
  PriceListVersionView,
} from '@remed/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../app/api.ts';

export const ROWS_PAGE = 50;

/** Every query names the clinic: switching clinics in the header re-queries, never shows another clinic's data. */
const priceListsKey = (clinicId: string) => ['price-lists', clinicId] as const;
export const priceListsUrl = (clinicId: string, path = '') => `/api/clinics/${clinicId}/price-lists${path}`;

export const isImporting = (v: Pick<PriceListVersionView, 'import'>) =>
  v.import.status === 'queued' || v.import.status === 'running';

export const usePriceLists = (clinicId: string) =>
  useQuery({
    queryKey: priceListsKey(clinicId),
    queryFn: () => api.get<PriceListOverview>(priceListsUrl(clinicId)),
  });

/** A version; while its file is being read, asked again every half second for the progress. */
export const useVersion = (clinicId: string, versionId: string) =>
  useQuery({
    queryKey: [...priceListsKey(clinicId), 'version', versionId],
    queryFn: () => api.get<PriceListVersionDetail>(priceListsUrl(clinicId, `/${versionId}`)),
    refetchInterval: (q) => (q.state.data && !isImporting(q.state.data) ? false : 500),
  });

export const useRows = (
  clinicId: string,
  versionId: string,
  opts: { page: number; q: string; filter: 'all' | 'issues'; enabled: boolean },
) =>
  useQuery({
    queryKey: [...priceListsKey(clinicId), 'rows', versionId, opts.page, opts.q, opts.filter],
    queryFn: () =>
      api.get<{ items: PriceListRowView[]; total: number }>(
        priceListsUrl(
          clinicId,
          `/${versionId}/rows${queryString({
            q: opts.q.trim(),
            filter: opts.filter,
            limit: ROWS_PAGE,
            offset: (opts.page - 1) * ROWS_PAGE,
          })}`,
        ),
      ),
    enabled: opts.enabled,
    placeholderData: keepPreviousData,
  });

export const useDiff = (
  clinicId: string,
  versionId: string,
  effectiveFrom: string | null,
  enabled: boolean,
) =>
  useQuery({
    queryKey: [...priceListsKey(clinicId), 'diff', versionId, effectiveFrom],
    queryFn: () =>
      api.get<PriceListDiffView>(
        priceListsUrl(clinicId, `/${versionId}/diff${queryString({ effectiveFrom })}`),
      ),
    enabled,
    placeholderData: keepPreviousData,
  });

/** After any change to a clinic's price lists: the list, the version, its rows and diff are read again. */
export function useRefreshPriceLists(clinicId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: priceListsKey(clinicId) });
}
