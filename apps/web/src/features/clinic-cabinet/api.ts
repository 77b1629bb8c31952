import type { AttachmentState, ClinicPatientView, ClinicRequisitesView, LetterView } from '@remed/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../app/api.ts';

export const PAGE = 25;
/** Every cabinet query starts with the clinic, so switching clinics in the header loads the other one's data. */
export const clinicKey = (clinicId: string) => ['clinic', clinicId] as const;

export const useRequisites = (clinicId: string) =>
  useQuery({
    queryKey: [...clinicKey(clinicId), 'requisites'],
    queryFn: () => api.get<ClinicRequisitesView>(`/api/clinics/${clinicId}/requisites`),
  });

export interface PatientsFilter {
  programId: string | null;
  state: AttachmentState;
  from: string;
  to: string;
  q: string;
}

export interface LettersFilter {
  status: LetterView['status'] | null;
  from: string;
  to: string;
  q: string;
}

const patientsParams = (f: PatientsFilter) => ({
  programId: f.programId,
  state: f.state,
  from: f.from,
  to: f.to,
  q: f.q.trim(),
});
const lettersParams = (f: LettersFilter) => ({ status: f.status, from: f.from, to: f.to, q: f.q.trim() });

/** A period that ends before it starts is not asked for: the inputs already say what is wrong. */
const periodOk = (f: { from: string; to: string }) => !f.from || !f.to || f.from <= f.to;

export const useClinicPatients = (clinicId: string, f: PatientsFilter, page: number) =>
  useQuery({
    enabled: periodOk(f),
    queryKey: [...clinicKey(clinicId), 'patients', f, page],
    queryFn: () =>
      api.get<{ items: ClinicPatientView[]; total: number }>(
        `/api/clinics/${clinicId}/patients${queryString({ ...patientsParams(f), limit: PAGE, offset: (page - 1) * PAGE })}`,
      ),
    placeholderData: keepPreviousData,
  });

export const useClinicPrograms = (clinicId: string) =>
  useQuery({
    queryKey: [...clinicKey(clinicId), 'programs'],
    queryFn: () =>
      api.get<{ id: string; name: string; insurerName: string }[]>(
        `/api/clinics/${clinicId}/patients/programs`,
      ),
  });

// Letters are issued by the console at any moment: a page that opens asks again.
export const useClinicLetters = (clinicId: string, f: LettersFilter, page: number, pageSize = PAGE) =>
  useQuery({
    enabled: periodOk(f),
    queryKey: [...clinicKey(clinicId), 'letters', f, page, pageSize],
    queryFn: () =>
      api.get<{ items: LetterView[]; total: number }>(
        `/api/clinics/${clinicId}/letters${queryString({ ...lettersParams(f), limit: pageSize, offset: (page - 1) * pageSize })}`,
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export const patientsExportUrl = (clinicId: string, f: PatientsFilter, format: 'xlsx' | 'csv') =>
  `/api/clinics/${clinicId}/patients/export.${format}${queryString(patientsParams(f))}`;
export const lettersExportUrl = (clinicId: string, f: LettersFilter, format: 'xlsx' | 'csv') =>
  `/api/clinics/${clinicId}/letters/export.${format}${queryString(lettersParams(f))}`;
