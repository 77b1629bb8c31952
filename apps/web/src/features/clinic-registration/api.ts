import {
  CLINIC_BANK_FIELDS,
  CLINIC_CONTACT_FIELDS,
  CLINIC_ORGANISATION_FIELDS,
  type ClinicRequisitesView,
  type DirectoryBank,
  type DirectoryParty,
  type RegistrationCodeSent,
  type SessionResponse,
} from '@remed/core';
import { api } from '../../app/api.ts';
import type { ClinicFormValues } from './clinicForm.ts';

/** The values as typed, without what only the form needs: the server checks them with the same schema. */
function registrationBody(v: ClinicFormValues) {
  const { passwordRepeat: _repeat, code: _code, ...rest } = v;
  return rest;
}

export const findParty = (inn: string) => api.get<DirectoryParty>(`/api/directory/party/${inn}`);
export const findBank = (bik: string) => api.get<DirectoryBank>(`/api/directory/bank/${bik}`);
export const innAvailability = (inn: string) =>
  api.get<{ available: boolean }>(`/api/clinic-registration/inn/${inn}`);
export const requestRegistrationCode = (v: ClinicFormValues) =>
  api.post<RegistrationCodeSent>('/api/clinic-registration/code', registrationBody(v));
export const registerClinic = (v: ClinicFormValues) =>
  api.post<SessionResponse>('/api/clinic-registration', { ...registrationBody(v), code: v.code });

const REQUISITE_FIELDS = [...CLINIC_ORGANISATION_FIELDS, ...CLINIC_BANK_FIELDS, ...CLINIC_CONTACT_FIELDS];

/** Only the requisites, for the requisites page and a network's next legal entity. */
const requisitesBody = (v: ClinicFormValues) =>
  Object.fromEntries(REQUISITE_FIELDS.map((f) => [f, v[f]])) as Pick<
    ClinicFormValues,
    (typeof REQUISITE_FIELDS)[number]
  >;

export const saveRequisites = (clinicId: string, v: ClinicFormValues) =>
  api.put<ClinicRequisitesView>(`/api/clinics/${clinicId}/requisites`, requisitesBody(v));
export const addNetworkClinic = (v: ClinicFormValues) =>
  api.post<ClinicRequisitesView>('/api/clinics', { ...requisitesBody(v), userAgreement: v.userAgreement });
