import type {
  ClinicContracts,
  ContractView,
  EdoDocumentView,
  HistoryEvent,
  SignatureCodeResponse,
} from '@remed/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../app/api.ts';

/** Everything of the exchange sits under one key, so any change refreshes contracts, documents and history. */
export const edoKey = ['edo'] as const;

export const contractUrl = (c: Pick<ContractView, 'clinicId' | 'id'>) =>
  `/api/clinics/${c.clinicId}/contracts/${c.id}`;
export const documentUrl = (d: Pick<EdoDocumentView, 'clinicId' | 'id'>) =>
  `/api/clinics/${d.clinicId}/documents/${d.id}`;

export const useClinicContracts = (clinicId: string | null) =>
  useQuery({
    queryKey: [...edoKey, 'contracts', clinicId],
    queryFn: () => api.get<ClinicContracts>(`/api/clinics/${clinicId}/contracts`),
    enabled: !!clinicId,
    staleTime: 0,
  });

export const useAllContracts = (clinicId: string | null) =>
  useQuery({
    queryKey: [...edoKey, 'contracts', 'all', clinicId],
    queryFn: () => api.get<ContractView[]>(`/api/edo/contracts${queryString({ clinicId })}`),
    staleTime: 0,
  });

export interface DocumentFilters {
  type: string | null;
  status: string | null;
  from: string;
  to: string;
  q: string;
}

export const emptyDocumentFilters: DocumentFilters = { type: null, status: null, from: '', to: '', q: '' };

/** A clinic's documents, or (clinicId null, service staff) every clinic's. */
export const useDocuments = (scope: { clinicId: string | null; all: boolean }, f: DocumentFilters) =>
  useQuery({
    queryKey: [...edoKey, 'documents', scope, f],
    queryFn: () =>
      api.get<EdoDocumentView[]>(
        scope.all
          ? `/api/edo/documents${queryString({ clinicId: scope.clinicId, ...f })}`
          : `/api/clinics/${scope.clinicId}/documents${queryString({ ...f })}`,
      ),
    enabled: scope.all || !!scope.clinicId,
    staleTime: 0,
  });

export const useDocument = (d: Pick<EdoDocumentView, 'clinicId' | 'id'> | null) =>
  useQuery({
    queryKey: [...edoKey, 'document', d?.id],
    queryFn: () => api.get<EdoDocumentView>(documentUrl(d!)),
    enabled: !!d,
    staleTime: 0,
  });

export interface HistoryFilters {
  kind: string | null;
  status: string | null;
  from: string;
  to: string;
  q: string;
}

export const emptyHistoryFilters: HistoryFilters = { kind: null, status: null, from: '', to: '', q: '' };

export const useHistory = (scope: { clinicId: string | null; all: boolean }, f: HistoryFilters) =>
  useQuery({
    queryKey: [...edoKey, 'history', scope, f],
    queryFn: () =>
      api.get<HistoryEvent[]>(
        scope.all
          ? `/api/edo/history${queryString({ clinicId: scope.clinicId, ...f })}`
          : `/api/clinics/${scope.clinicId}/edo-history${queryString({ ...f })}`,
      ),
    enabled: scope.all || !!scope.clinicId,
    staleTime: 0,
  });

export const useEdoClinics = () =>
  useQuery({
    queryKey: [...edoKey, 'clinics'],
    queryFn: () => api.get<{ id: string; name: string; inn: string }[]>('/api/edo/clinics'),
    staleTime: 60_000,
  });

/** A POST that refreshes the whole exchange when it succeeds. */
export function useEdoAction<TBody, TResult>(
  url: (body: TBody) => string,
  payload?: (body: TBody) => unknown,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api.post<TResult>(url(body), payload ? payload(body) : body),
    onSuccess: () => qc.invalidateQueries({ queryKey: edoKey }),
  });
}

export const requestCode = (baseUrl: string, channel?: 'sms' | 'email') =>
  api.post<SignatureCodeResponse>(`${baseUrl}/signature-code`, channel ? { channel } : {});
